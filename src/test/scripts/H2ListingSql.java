import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The member listing's SQL alone, on the H2 file a benchmark run left behind (Keycloak stopped): pages of 1,000 of
 * the largest scope by cursor, as Arbor's {@code arborMembership.listCounted} (the first page) and {@code list}
 * (the next ones, the count kept) do. It lists three times in one opening of the file, closes it, opens it again and
 * lists four times: the first listing of the second opening has the JIT compiler warm and H2's page cache empty, as
 * a benchmark's first listing has. The file is opened read only, so H2 does not compact it meanwhile. The SQL is
 * that of the named queries ({@code ArborMembershipEntity}) written out by hand for H2: keep the two alike.
 * <ul>
 * <li>{@code --count-every-page}: each page counts the scope's members, as every page did before the count was kept;
 * <li>{@code --use-index NAME}: the page reads the memberships through that index of ARBOR_MEMBERSHIP (H2's {@code
 * USE INDEX}); H2 names the unique key's index itself, {@code select INDEX_NAME from INFORMATION_SCHEMA.INDEXES}.
 * </ul>
 * <pre>
 * H2=target/benchmark/keycloak-h2/keycloak-26.7.3
 * java -cp $H2/lib/lib/main/com.h2database.h2-2.4.240.jar src/test/scripts/H2ListingSql.java $H2/data/h2/keycloakdb
 * </pre>
 */
public class H2ListingSql {

    private static final int PAGE = 1_000;

    private static final String LISTED = "select p.USER_ID,"
            + " (select u.USERNAME from USER_ENTITY u where u.ID = p.USER_ID and u.REALM_ID = ?),"
            + " p.OPTIONS, r.ROLE_NAME";
    private static final String COUNTED = ", (select count(c.USER_ID) from ARBOR_MEMBERSHIP c where c.SCOPE_ID = ?)";
    private static final String FROM = " from (select m.USER_ID, m.OPTIONS from ARBOR_MEMBERSHIP m"
            + " where m.SCOPE_ID = ? and m.USER_ID > ? order by m.SCOPE_ID, m.USER_ID"
            + " offset 0 rows fetch first ? rows only) p"
            + " left join ARBOR_ROLE_ASSIGNMENT r on r.SCOPE_ID = ? and r.USER_ID > ? and r.USER_ID = p.USER_ID"
            + " order by p.USER_ID, r.ROLE_NAME";

    public static void main(String[] args) throws SQLException {
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        int useIndex = options.indexOf("--use-index");
        if (args.length < 1 || useIndex >= 0 && useIndex == options.size() - 1
                || options.size() != (options.contains("--count-every-page") ? 1 : 0) + (useIndex < 0 ? 0 : 2)) {
            System.err.println("usage: H2ListingSql <database file without .mv.db> [--count-every-page]"
                    + " [--use-index NAME]");
            System.exit(2);
        }
        boolean everyPage = options.contains("--count-every-page");
        String from = FROM.replace("ARBOR_MEMBERSHIP m", useIndex < 0 ? "ARBOR_MEMBERSHIP m"
                : "ARBOR_MEMBERSHIP m USE INDEX (" + options.get(useIndex + 1) + ")");
        // Keycloak's dev-file database has no user; H2 wants the path absolute
        String url = "jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        String[] largest;
        try (Connection connection = DriverManager.getConnection(url, "", "")) {
            largest = largestScope(connection);
            for (int i = 0; i < 3; i++) {
                list(connection, largest, everyPage, from);
            }
        }
        try (Connection connection = DriverManager.getConnection(url, "", "")) {
            StringBuilder line = new StringBuilder(String.join(" ", options));
            for (int i = 0; i < 4; i++) {
                line.append(i == 0 ? " first " : ", ").append(list(connection, largest, everyPage, from))
                        .append(" ms");
            }
            System.out.println(line.toString().trim());
        }
    }

    /** Realm and id of the scope with the most members; its first page's rows all name it. */
    private static String[] largestScope(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select SCOPE_ID, REALM_ID from ARBOR_MEMBERSHIP"
                + " group by SCOPE_ID, REALM_ID order by count(*) desc limit 1");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new String[] {rows.getString(2), rows.getString(1)};
        }
    }

    private static long list(Connection connection, String[] realmAndScope, boolean everyPage, String from)
            throws SQLException {
        long start = System.nanoTime();
        String after = "";
        boolean counted = false;
        while (after != null) {
            boolean count = everyPage || !counted;
            try (PreparedStatement statement = connection.prepareStatement(LISTED + (count ? COUNTED : "") + from)) {
                int i = 1;
                statement.setString(i++, realmAndScope[0]);
                if (count) {
                    statement.setString(i++, realmAndScope[1]);
                }
                statement.setString(i++, realmAndScope[1]);
                statement.setString(i++, after);
                statement.setInt(i++, PAGE + 1);
                statement.setString(i++, realmAndScope[1]);
                statement.setString(i, after);
                after = page(statement);
            }
            counted = true;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Reads the page; the cursor of the next one, or null when this was the last. */
    private static String page(PreparedStatement statement) throws SQLException {
        List<String> members = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String userId = rows.getString(1);
                if (members.isEmpty() || !members.get(members.size() - 1).equals(userId)) {
                    members.add(userId);
                }
                for (int column = 2; column <= rows.getMetaData().getColumnCount(); column++) {
                    rows.getObject(column);
                }
            }
        }
        return members.size() > PAGE ? members.get(PAGE - 1) : null;
    }
}

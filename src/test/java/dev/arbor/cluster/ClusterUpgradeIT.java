package dev.arbor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.testing.ArborApi;
import dev.arbor.testing.ArborClusterIT;
import dev.arbor.testing.KeycloakCluster;
import dev.arbor.testing.KeycloakServer;
import dev.arbor.testing.SkyportWorld;
import dev.arbor.testing.TestRealms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The upgrade path: a later Arbor that adds a Liquibase change set starts on a database this version created (with
 * tenancy data in it), applies the change set, and serves the same data. The later version is this jar with one
 * more change set, the way a release adds one.
 */
@ArborClusterIT
class ClusterUpgradeIT {

    private static final String MASTER = "META-INF/arbor-changelog-master.xml";
    private static final String LATER = "META-INF/arbor/changelog-9999-later-release.xml";

    @Test
    void aLaterReleaseMigratesADatabaseThisOneCreatedAndServesItsData(KeycloakCluster cluster, TestRealms realms)
            throws IOException {
        SkyportWorld world = new SkyportWorld(realms);
        String before = world.as("root").get("scopes/" + world.ws1 + "/members").expect(200).toString();
        assertThat(cluster.sql("select count(*) from information_schema.columns"
                + " where table_name = 'arbor_scope' and column_name = 'later_release_note'")).isEqualTo("0");

        KeycloakServer later = cluster.addNode("node-later", laterRelease(cluster.providerJar()));
        try {
            assertThat(cluster.sql("select count(*) from information_schema.columns"
                    + " where table_name = 'arbor_scope' and column_name = 'later_release_note'"))
                    .as("the later change set was applied").isEqualTo("1");
            assertThat(cluster.sql("select count(*) from databasechangelog_arbor"
                    + " where id = 'arbor-9999-later-release'")).as("recorded in Arbor's own changelog table")
                    .isEqualTo("1");
            ArborApi root = world.as("root", later);
            assertThat(root.get("scopes/" + world.ws1 + "/members").expect(200).toString())
                    .as("the data this version wrote, served by the later one").isEqualTo(before);
            root.put(world.roles(world.ws1, "erin", "genic-admin")).expect(200);
        } finally {
            cluster.removeNode(later);
        }
        assertThat(world.as("root").get("scopes/" + world.ws1 + "/members").expect(200).toString())
                .as("and this version still serves the migrated database").contains(world.id("erin"));
    }

    /**
     * Change set 0007 gave every role row its membership's user: a database whose role rows have none yet (as every
     * database before 0007 had) gets them from the memberships when a node starts, and the listing, which finds the
     * roles by that column, shows the same members and roles as before.
     */
    @Test
    void roleRowsWrittenBeforeTheyKeptTheirUserGetItFromTheirMembership(KeycloakCluster cluster, TestRealms realms) {
        SkyportWorld world = new SkyportWorld(realms);
        String before = world.as("root").get("scopes/" + world.ws1 + "/members").expect(200).toString();
        assertThat(before).contains(world.id("carol"), world.id("dave"));
        assertThat(cluster.sql("select count(*) from arbor_role_assignment r join arbor_membership m"
                + " on m.id = r.membership_id where r.user_id <> m.user_id"))
                .as("every role row the cluster suite has written so far carries its membership's user").isEqualTo("0");
        cluster.sql("alter table arbor_role_assignment alter column user_id drop not null;"
                + " update arbor_role_assignment set user_id = null;"
                + " delete from databasechangelog_arbor where id = 'arbor-0007-role-user-fill'");

        KeycloakServer filling = cluster.addNode("node-filling", cluster.providerJar());
        try {
            assertThat(cluster.sql("select count(*) from arbor_role_assignment r join arbor_membership m"
                    + " on m.id = r.membership_id where r.user_id = m.user_id")).as("every role row has its user")
                    .isEqualTo(cluster.sql("select count(*) from arbor_role_assignment")).isNotEqualTo("0");
            assertThat(cluster.sql("select is_nullable from information_schema.columns"
                    + " where table_name = 'arbor_role_assignment' and column_name = 'user_id'"))
                    .as("and must have it from now on").isEqualTo("NO");
            assertThat(world.as("root", filling).get("scopes/" + world.ws1 + "/members").expect(200).toString())
                    .isEqualTo(before);
        } finally {
            cluster.removeNode(filling);
        }
    }

    /** This jar with one more change set in its master changelog. */
    private static Path laterRelease(Path jar) throws IOException {
        Path later = jar.resolveSibling("arbor-later-release.jar");
        try (ZipFile current = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(later))) {
            long time = 0;
            for (ZipEntry entry : java.util.Collections.list(current.entries())) {
                // same times as the original, so the same jar makes the same later jar and its build is reused
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                time = entry.getTime();
                out.putNextEntry(copy);
                try (InputStream in = current.getInputStream(entry)) {
                    if (entry.getName().equals(MASTER)) {
                        String master = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        write(out, master.replace("</databaseChangeLog>",
                                "    <include file=\"" + LATER + "\"/>\n</databaseChangeLog>"));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            ZipEntry added = new ZipEntry(LATER);
            added.setTime(time);
            out.putNextEntry(added);
            write(out, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                       xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                       http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                        <changeSet id="arbor-9999-later-release" author="arbor">
                            <addColumn tableName="ARBOR_SCOPE">
                                <column name="LATER_RELEASE_NOTE" type="VARCHAR(64)"/>
                            </addColumn>
                        </changeSet>
                    </databaseChangeLog>
                    """);
            out.closeEntry();
        }
        return later;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

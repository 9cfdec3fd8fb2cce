package dev.arbor.testing;

/**
 * What every demo realm of {@code realm-export/} has, as its file sets it up: the demo client, whose tokens carry
 * the tenancy claim ({@code tenancy} is one of its default client scopes), and the realm administrator. The tenancy
 * itself (schema, tree, memberships) comes with the realm file (attribute {@code arbor.tenancy}, generated from
 * {@code realm-export/schemas} and {@code realm-export/tenancy} by {@link RealmFileTenancy}).
 */
public final class DemoTenancy {

    public static final String CLIENT = "arbor-demo-cli";
    public static final String ADMIN = "admin";
    /** The tenant admin web app's client in every demo realm; {@code tenancy} is one of its optional scopes. */
    public static final String TENANT_ADMIN_APP = "arbor-tenancy-ui";

    private DemoTenancy() {
    }
}

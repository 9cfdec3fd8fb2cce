package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading schemas: what is accepted, and for what is not, the exact place and reason. */
class SchemaReaderTest {

    /** A small valid schema; each test below breaks one thing in it by text replacement. */
    private static final String VALID = """
            arbor: 1
            id: demo
            version: 2
            permissions:
              modules:
                portal:
                  users: [view, invite, remove]
                  billing: [view, pay]
            scopeTypes:
              account:
                attributes: {paid: boolean, plan: string}
                owner: owner
                membersPermission: portal:users:view
                exclusiveRoles: {staff: [admin, auditor]}
                roles:
                  owner:
                    cardinality: {min: 1, max: 1}
                    grants:
                      - permissions: [portal:*:*]
                  admin:
                    readOnlyVariant: auditor
                    grants:
                      - permissions: [portal:users:*]
                      - permissions: [portal:billing:pay]
                        at: self
                        when: {attribute: account.paid, equals: true}
                  guest: {access: none}
              team:
                parents: [account, team]
                scopesPerUser: {max: 2}
                createPermission: portal:users:invite
                creatorRole: lead
                owner: lead
                vacancy: {actingOwner: [account.owner]}
                sealing: {from: [account.admin], removes: [portal:users:view]}
                roles:
                  lead:
                    cardinality: {max: 1}
                    grants:
                      - permissions: [portal:users:*]
                  member:
                    options: {mandatory: [portal:users:view], optional: [portal:billing:view],
                      defaults: [portal:billing:view]}
            constraints:
              - permissions: [portal:billing:pay]
                when: {holds: [account.owner, account.admin]}
            delegation:
              - grant: [account.admin, team.lead]
                by: account.owner
              - grant: team.member
                by: [team.lead]
                when: {occupied: team.lead}
                recipient: {holds: [account.admin]}
            cascades:
              - onRevoke: team.lead
                remove: subtree-members
            """;

    @Test
    void readsAValidSchema() {
        TenancySchema schema = SchemaReader.read(SeedSchemas.yaml(VALID));

        assertThat(schema.id()).isEqualTo("demo");
        assertThat(schema.version()).isEqualTo(2);
        assertThat(schema.scopeTypes()).containsExactly("account", "team");
        assertThat(schema.roles("account")).containsExactly("owner", "admin", "auditor", "guest");
        assertThat(schema.permissions()).containsExactly("portal:billing:pay", "portal:billing:view",
                "portal:users:invite", "portal:users:remove", "portal:users:view");
        assertThat(schema.mayNest(null, "account")).isTrue();
        assertThat(schema.mayNest(null, "team")).isFalse();
        assertThat(schema.mayNest("account", "team")).isTrue();
        assertThat(schema.mayNest("team", "team")).isTrue();
        assertThat(schema.mayNest("team", "account")).isFalse();
        assertThat(schema.ownerRole("team")).hasValue("lead");
        assertThat(schema.optionalPermissions("team", "member")).containsExactly("portal:billing:view");
        assertThat(schema.cascadingRoles()).containsExactly("team.lead");
        assertThat(schema.attributes("account")).containsEntry("paid", "boolean");
    }

    @Test
    void derivesReadOnlyVariantsFromReadActions() {
        Policy policy = new Policy(SchemaReader.read(SeedSchemas.yaml(VALID)));
        TreeSlice tree = InMemoryTree.builder()
                .scope("a", "account", "A", null)
                .member("reader", "a", "auditor")
                .member("writer", "a", "admin")
                .build();

        assertThat(policy.access(Principal.user("reader"), "a", tree, false).orElseThrow().permissions())
                .containsExactly("portal:users:view");
        assertThat(policy.access(Principal.user("writer"), "a", tree, false).orElseThrow().permissions())
                .containsExactly("portal:users:invite", "portal:users:remove", "portal:users:view");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown top-level property      | 'arbor: 1'                        | 'arbor: 1\\ncolour: red'                       | colour                                          | unknown property
        unsupported language version    | 'arbor: 1'                        | 'arbor: 7'                                      | arbor                                           | unsupported schema language version 7
        bad id                          | 'id: demo'                        | 'id: Demo!'                                     | id                                              | must start with a lower case letter
        version below 1                 | 'version: 2'                      | 'version: 0'                                    | version                                         | must be at least 1
        unknown permission in a role    | '- permissions: [portal:*:*]'     | '- permissions: [portal:*:*, portal:audit:read]' | scopeTypes.account.roles.owner.grants[0].permissions[1] | 'portal:audit:read' matches no permission
        malformed permission pattern    | '- permissions: [portal:*:*]'     | '- permissions: [portal-users]'                 | scopeTypes.account.roles.owner.grants[0].permissions[0] | is not of the form module:resource:action
        unknown parent type             | 'parents: [account, team]'        | 'parents: [account, squad]'                    | scopeTypes.team.parents[1]                      | unknown scope type 'squad'
        delegation naming a missing role| 'grant: team.member'              | 'grant: team.boss'                              | delegation[1].grant                             | unknown role 'boss' of scope type team
        delegation by a role never above| 'by: account.owner'               | 'by: team.member'                               | delegation[0].by                                | team.member is never held at or above a account
        two owners allowed where one is declared | 'cardinality: {max: 1}'  | 'cardinality: {max: 2}'                         | scopeTypes.team.owner                           | must allow exactly one holder per scope (cardinality.max: 1), but allows 2
        owner role without a maximum    | '    cardinality: {min: 1, max: 1}' | '    cardinality: {min: 1}'                     | scopeTypes.account.owner                        | but allows any number
        unknown owner role              | 'owner: lead'                     | 'owner: chief'                                  | scopeTypes.team.owner                           | unknown role 'chief' of scope type team
        vacancy without an owner        | '    owner: lead\\n'               | ''                                              | scopeTypes.team.vacancy                         | needs the scope type to name its owner role
        sealing from a role below       | 'owner: owner'                    | 'owner: owner\n    sealing: {from: [team.lead], removes: [portal:users:view]}' | scopeTypes.account.sealing.from[0] | scope type team is never above account
        attribute of the wrong kind     | 'account.paid, equals: true'      | 'account.paid, equals: yes-please'              | scopeTypes.account.roles.admin.grants[1].when.equals | must be a boolean, as account.paid is declared
        unknown attribute               | 'account.paid, equals'            | 'account.unpaid, equals'                        | scopeTypes.account.roles.admin.grants[1].when.attribute | must name an attribute declared
        two forms in one condition      | '{occupied: team.lead}'           | '{occupied: team.lead, vacant: team.lead}'      | delegation[1].when                              | a condition has exactly one of
        bad reach                       | 'at: self'                        | 'at: everywhere'                                | scopeTypes.account.roles.admin.grants[1].at     | must be self, descendants or subtree
        min above max                   | '{min: 1, max: 1}'                | '{min: 3, max: 1}'                              | scopeTypes.account.roles.owner.cardinality      | min 3 is greater than max 1
        mandatory and optional overlap  | 'optional: [portal:billing:view]' | 'optional: [portal:users:view]'                 | scopeTypes.team.roles.member.options            | both mandatory and optional: [portal:users:view]
        read-only variant clashing      | 'readOnlyVariant: auditor'        | 'readOnlyVariant: owner'                        | scopeTypes.account.roles.admin.readOnlyVariant  | role 'owner' already exists in scope type account
        members permission with a wildcard | 'membersPermission: portal:users:view' | 'membersPermission: portal:users:*'  | scopeTypes.account.membersPermission           | is not a permission declared
        bad cascade                     | 'remove: subtree-members'         | 'remove: everyone'                              | cascades[0].remove                              | must be members or subtree-members
        constraint without a condition  | '    when: {holds: [account.owner, account.admin]}' | ''                      | constraints[0].when                             | is required
        duplicate action                | '[view, invite, remove]'          | '[view, invite, view]'                          | permissions.modules.portal.users[2]             | duplicate action view
        exclusive group naming no role of the type | '{staff: [admin, auditor]}' | '{staff: [admin, lead]}'                      | scopeTypes.account.exclusiveRoles.staff[1]      | unknown role 'lead' of scope type account
        exclusive group of one role     | '{staff: [admin, auditor]}'       | '{staff: [admin]}'                              | scopeTypes.account.exclusiveRoles.staff         | an exclusive group names at least two roles
        a role in two exclusive groups  | '{staff: [admin, auditor]}'       | '{staff: [admin, auditor], top: [owner, admin]}' | scopeTypes.account.exclusiveRoles.top[1]       | role admin is in the exclusive group staff already
        exclusive group with a bad name | '{staff: [admin, auditor]}'       | '{Staff: [admin, auditor]}'                     | scopeTypes.account.exclusiveRoles.Staff         | must start with a lower case letter
        scopes per user below one       | 'scopesPerUser: {max: 2}'         | 'scopesPerUser: {max: 0}'                       | scopeTypes.team.scopesPerUser.max               | must be at least 1
        scopes per user without a max   | 'scopesPerUser: {max: 2}'         | 'scopesPerUser: {min: 2}'                       | scopeTypes.team.scopesPerUser.min               | unknown property
        creator role naming no role     | 'creatorRole: lead'               | 'creatorRole: boss'                             | scopeTypes.team.creatorRole                     | unknown role 'boss' of scope type team
        creator role of a root type     | 'exclusiveRoles: {staff: [admin, auditor]}' | 'exclusiveRoles: {staff: [admin, auditor]}\n    creatorRole: owner' | scopeTypes.account.creatorRole | only realm administrators create its scopes
        access none with grants         | 'guest: {access: none}'           | 'guest: {access: none, grants: [{permissions: [portal:users:view]}]}' | scopeTypes.account.roles.guest.grants | a role without access (access: none) grants nothing
        access none with options        | 'guest: {access: none}'           | 'guest: {access: none, options: {optional: [portal:users:view]}}' | scopeTypes.account.roles.guest.options | has no options
        access of an unknown kind       | 'guest: {access: none}'           | 'guest: {access: some}'                         | scopeTypes.account.roles.guest.access           | must be scope (the default) or none
        access none deriving a variant  | 'guest: {access: none}'           | 'guest: {access: none, readOnlyVariant: peeker}' | scopeTypes.account.roles.guest.readOnlyVariant | nothing to derive a read-only variant from
        an owner without access         | '    owner: owner'                | '    owner: guest'                              | scopeTypes.account.owner                        | gives no access (access: none); an owner must see and act
        delegation by a role without access | 'by: account.owner'           | 'by: account.guest'                             | delegation[0].by                                | account.guest gives no access (access: none), so its holders can never grant anything
        defaults that are not optional  | 'defaults: [portal:billing:view]' | 'defaults: [portal:billing:pay]'                | scopeTypes.team.roles.member.options.defaults   | defaults must be optional permissions of the role; these are not: [portal:billing:pay]
        recipient asking for a resource | 'recipient: {holds: [account.admin]}' | 'recipient: {any: [{resourceOwner: true}]}' | delegation[1].recipient                         | a condition on the recipient cannot ask who owns a resource
        recipient naming an unknown role | 'recipient: {holds: [account.admin]}' | 'recipient: {holds: [account.boss]}'       | delegation[1].recipient.holds[0]                | unknown role 'boss' of scope type account
        elsewhere naming an unknown role | 'recipient: {holds: [account.admin]}' | 'recipient: {not: {heldElsewhere: [account.boss]}}' | delegation[1].recipient.not.heldElsewhere[0] | unknown role 'boss' of scope type account
        """)
    void rejectsWithThePlaceAndTheReason(String what, String original, String replacement, String path,
            String message) {
        String broken = VALID.replace(unescape(original), unescape(replacement));
        assertThat(broken).as("the test's replacement applies").isNotEqualTo(VALID);

        assertThatThrownBy(() -> SchemaReader.read(SeedSchemas.yaml(broken)))
                .as(what)
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> {
                            assertThat(problem.path()).isEqualTo(path);
                            assertThat(problem.message()).contains(message);
                        }));
    }

    /** Exclusive groups come with the role definitions: a type with rolesFrom has its source's, and no others. */
    @Test
    void exclusiveGroupsComeWithTheRoles() {
        String shared = VALID.replace("  team:\n    parents: [account, team]",
                "  branch:\n    parents: [account]\n    rolesFrom: account\n"
                        + "  team:\n    parents: [account, team]");
        assertThat(shared).isNotEqualTo(VALID);
        Policy policy = new Policy(SchemaReader.read(SeedSchemas.yaml(shared)));
        TreeSlice tree = InMemoryTree.builder()
                .scope("a", "account", "A", null)
                .scope("b", "branch", "B", "a")
                .member("ann", "b", "admin")
                .build();

        assertThat(policy.mayGrant(Principal.realmAdmin("root"), "ann", "b", "auditor", false, tree).reason())
                .isEqualTo(Decision.Reason.EXCLUSIVE_ROLE_HELD);
        String both = shared.replace("    rolesFrom: account\n", "    rolesFrom: account\n"
                + "    exclusiveRoles: {staff: [admin, auditor]}\n");
        assertThatThrownBy(() -> SchemaReader.read(SeedSchemas.yaml(both)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .containsExactly(new SchemaProblem("scopeTypes.branch.exclusiveRoles", "exclusive groups"
                                + " come with the roles: scope type branch has those of account (rolesFrom)")));
    }

    @Test
    void rejectsANestingCycleOfDistinctTypes() {
        String cyclic = VALID.replace("  team:\n    parents: [account, team]",
                "  team:\n    parents: [account, squad]\n"
                        + "  squad:\n    parents: [team]\n    roles:\n"
                        + "      member: {grants: [{permissions: [portal:users:view]}]}");
        assertThat(cyclic).isNotEqualTo(VALID);

        assertThatThrownBy(() -> SchemaReader.read(SeedSchemas.yaml(cyclic)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .contains(new SchemaProblem("scopeTypes.team.parents",
                                "nesting cycle team → squad → team; only a type nested directly under itself may"
                                        + " repeat")));
    }

    @Test
    void rejectsASchemaWithoutARootType() {
        String rootless = VALID.replace("  account:\n    attributes", "  account:\n    parents: [team]\n    attributes");
        assertThat(rootless).isNotEqualTo(VALID);

        assertThatThrownBy(() -> SchemaReader.read(SeedSchemas.yaml(rootless)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .extracting(SchemaProblem::message)
                        .contains("no root type: at least one scope type must have no parents"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String broken = VALID.replace("version: 2", "version: 0")
                .replace("grant: team.member", "grant: team.boss")
                .replace("at: self", "at: nowhere");

        assertThatThrownBy(() -> SchemaReader.read(SeedSchemas.yaml(broken)))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .extracting(SchemaProblem::path)
                        .containsExactly("version", "scopeTypes.account.roles.admin.grants[1].at",
                                "delegation[1].grant"));
    }

    @Test
    void rejectsWhatIsNotAnObject() {
        assertThatThrownBy(() -> SchemaReader.read(List.of("a", "b")))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .containsExactly(new SchemaProblem("(document)", "a tenancy schema must be an object")));
    }

    @Test
    void requiresTheEssentials() {
        assertThatThrownBy(() -> SchemaReader.read(SeedSchemas.yaml("arbor: 1")))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.problems())
                        .extracting(SchemaProblem::toString)
                        .containsExactly("id: is required", "version: is required",
                                "permissions.modules: is required", "scopeTypes: is required"));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}

package dev.arbor.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbor.core.Placement.Fault;
import dev.arbor.core.Placement.Misfit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a scope may go and what it may carry, with the field each misfit names. */
class PlacementTest {

    private static final Placement PLACEMENT = new Placement(SchemaReader.read(SeedSchemas.yaml("""
            arbor: 1
            id: placement
            version: 1
            permissions:
              modules:
                app:
                  docs: [view]
            scopeTypes:
              org:
                attributes: {tier: string, seats: number, vip: boolean}
                roles:
                  member: {}
              team:
                parents: [org, team]
                roles:
                  member: {}
              project:
                parents: [team]
                root: true
                roles:
                  member: {}
            """)));

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource(textBlock = """
            org,     ,        ,         ,
            org,     team,    NESTING,  type,    A org may not be under a team
            team,    ,        NESTING,  type,    A team may not be at the top of the tree
            team,    org,     ,         ,
            team,    team,    ,         ,
            team,    project, NESTING,  type,    A team may not be under a project
            project, ,        ,         ,
            project, team,    ,         ,
            project, org,     NESTING,  type,    A project may not be under a org
            galaxy,  org,     TYPE,     type,    'type must be one of [org, team, project]'
            ,        org,     TYPE,     type,    'type must be one of [org, team, project]'
            """)
    void aTypeMustBeKnownAndMayNestOnlyWhereTheSchemaSays(String type, String parentType, Fault fault, String field,
            String message) {
        Optional<Misfit> misfit = PLACEMENT.check(type, parentType, null, "");

        assertThat(misfit).isEqualTo(fault == null ? Optional.empty()
                : Optional.of(new Misfit(fault, field, message)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            declared, each of its kind | tier   | gold  | seats | 3    |                  |
            undeclared                 | colour | red   | seats | 3    | attributes.colour | Scope type org declares no attribute 'colour'; it declares [tier, seats, vip]
            a number as a string       | tier   | gold  | seats | many | attributes.seats  | Attribute 'seats' must be a number
            a string as a boolean      | vip    | yes   | seats | 3    | attributes.vip    | Attribute 'vip' must be a boolean
            """)
    void attributesMustBeDeclaredAndOfTheirKind(String what, String first, String firstValue, String second,
            String secondValue, String field, String message) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(first, value(firstValue));
        attributes.put(second, value(secondValue));

        Optional<Misfit> misfit = PLACEMENT.check("org", null, attributes, "");

        assertThat(misfit.map(Misfit::field)).as(what).isEqualTo(Optional.ofNullable(field));
        assertThat(misfit.map(Misfit::message)).as(what).isEqualTo(Optional.ofNullable(message));
        misfit.ifPresent(found -> assertThat(found.fault()).isEqualTo(Fault.ATTRIBUTE));
    }

    @Test
    void aNullAttributeIsRefusedAndNoAttributesFit() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("vip", null);

        assertThat(PLACEMENT.attributes("org", attributes, "attributes")).contains(
                new Misfit(Fault.ATTRIBUTE, "attributes.vip", "Attribute 'vip' must not be null"));
        assertThat(PLACEMENT.attributes("org", null, "attributes")).isEmpty();
        assertThat(PLACEMENT.attributes("org", Map.of(), "attributes")).isEmpty();
    }

    @Test
    void fieldsAreNamedWhereTheScopeSitsInTheDocument() {
        String path = "scopes[0].children[1]";

        assertThat(PLACEMENT.check("galaxy", "org", null, path).orElseThrow().field())
                .isEqualTo("scopes[0].children[1].type");
        assertThat(PLACEMENT.check("team", null, null, path).orElseThrow().field())
                .isEqualTo("scopes[0].children[1].type");
        assertThat(PLACEMENT.check("org", null, Map.of("vip", 1), path).orElseThrow().field())
                .isEqualTo("scopes[0].children[1].attributes.vip");
    }

    @Test
    void theTypeIsJudgedBeforeTheNestingAndTheNestingBeforeTheAttributes() {
        Map<String, Object> wrong = Map.of("colour", "red");

        assertThat(PLACEMENT.check("galaxy", "project", wrong, "").orElseThrow().fault()).isEqualTo(Fault.TYPE);
        assertThat(PLACEMENT.check("team", null, wrong, "").orElseThrow().fault()).isEqualTo(Fault.NESTING);
        assertThat(PLACEMENT.check("org", null, wrong, "").orElseThrow().fault()).isEqualTo(Fault.ATTRIBUTE);
    }

    @Test
    void eachRuleNamesTheFieldItIsGiven() {
        assertThat(PLACEMENT.type("galaxy", "type").orElseThrow().field()).isEqualTo("type");
        assertThat(PLACEMENT.nesting("team", null, "parentId")).contains(
                new Misfit(Fault.NESTING, "parentId", "A team may not be at the top of the tree"));
        assertThat(PLACEMENT.nesting(null, "org", "parentId").orElseThrow().fault()).isEqualTo(Fault.NESTING);
        assertThat(PLACEMENT.attributes(null, Map.of("tier", "gold"), "attributes").orElseThrow().fault())
                .isEqualTo(Fault.ATTRIBUTE);
    }

    private static Object value(String text) {
        if (text.equals("3")) {
            return 3;
        }
        return text;
    }
}

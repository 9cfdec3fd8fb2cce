package dev.arbor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document in the jar ({@code dev/arbor/openapi/tenancy-api.yaml}) lists exactly the operations the
 * resource classes serve: read from their Jakarta REST annotations, sub-resource locators followed.
 */
class OpenApiDocumentTest {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            PATCH.class, DELETE.class);

    @Test
    void documentsEveryOperationAndNoOther() throws Exception {
        Set<String> served = new TreeSet<>();
        collect(TenancyResource.class, "", served);

        Set<String> documented = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/dev/arbor/openapi/tenancy-api.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(key)) {
                    documented.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
        }

        assertThat(documented).isEqualTo(served);
    }

    private static void collect(Class<?> resource, String prefix, Set<String> served) {
        for (Method method : resource.getDeclaredMethods()) {
            if (!java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            Path path = method.getAnnotation(Path.class);
            String full = prefix + (path == null ? "" : "/" + path.value());
            String verb = VERBS.stream().filter(method::isAnnotationPresent).findFirst()
                    .map(annotation -> annotation.getAnnotation(HttpMethod.class).value()).orElse(null);
            if (verb != null) {
                served.add(verb + " " + (full.isEmpty() ? "/" : full));
            } else if (path != null && method.getReturnType() != TenantAdminApp.class) { // files, not API
                collect(method.getReturnType(), full, served);
            }
        }
    }
}

package dev.arbor.example.spring;

import dev.arbor.claims.TenancyClaim;
import dev.arbor.spring.TenancyAccess;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JDK example's endpoint ({@code TenancyResourceServer} in the extension's tests), and the claim as read. */
@RestController
class WorkspaceController {

    private final TenancyAccess tenancy;

    WorkspaceController(TenancyAccess tenancy) {
        this.tenancy = tenancy;
    }

    /** The permission, and acting in the workspace the path names: the permission of another scope is worthless. */
    @PostMapping("/workspaces/{workspaceId}/subscriptions/start")
    @PreAuthorize("hasAuthority('subscriptions:subscriptions:start') and @tenancy.actsIn(#workspaceId)")
    Map<String, String> start(@PathVariable String workspaceId) {
        return Map.of("started", workspaceId);
    }

    /** The token's claim as the library reads it (scope, path, roles, permissions, options, schema); 404 without. */
    @GetMapping("/tenancy")
    ResponseEntity<TenancyClaim> claim() {
        return ResponseEntity.of(tenancy.current());
    }
}

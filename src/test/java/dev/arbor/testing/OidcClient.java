package dev.arbor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One OIDC client of one realm, speaking to Keycloak's real endpoints over HTTP: the grants the ITs need, and the
 * authorization-code flow driven through Keycloak's own login form (PKCE S256), as a browser would.
 */
public final class OidcClient {

    private static final Pattern LOGIN_FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private final URI baseUri;
    private final String realm;
    private final String clientId;
    private final String secret;

    OidcClient(URI baseUri, String realm, String clientId, String secret) {
        this.baseUri = baseUri;
        this.realm = realm;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** A public client of an existing realm, e.g. one imported from {@code realm-export/}. */
    public static OidcClient of(KeycloakServer server, String realm, String clientId) {
        return new OidcClient(server.baseUri(), realm, clientId, null);
    }

    public String clientId() {
        return clientId;
    }

    /** Resource-owner password grant; fails the test unless Keycloak issues tokens. */
    public TokenSet password(TestUser user) {
        return tokenRequest(Map.of("grant_type", "password", "username", user.username(),
                "password", user.password(), "scope", "openid")).tokens();
    }

    /** Password grant with extra token-request parameters (e.g. {@code tenancy_scope}). */
    public TokenSet password(TestUser user, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "username", user.username(),
                "password", user.password(), "scope", "openid"));
        form.putAll(extra);
        return tokenRequest(form).tokens();
    }

    /** The userinfo endpoint's answer for {@code accessToken}. */
    public JsonNode userInfo(String accessToken) {
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(endpoint("userinfo", Map.of()))
                .header("Authorization", "Bearer " + accessToken).GET().build());
        return Json.parse(response.body());
    }

    /** Token introspection by this (confidential) client. */
    public JsonNode introspect(String token) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("token", token, "client_id", clientId));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(
                        endpoint("token/introspect", Map.of()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build());
        return Json.parse(response.body());
    }

    /** Refresh grant; fails the test unless Keycloak issues tokens. */
    public TokenSet refresh(String refreshToken) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).tokens();
    }

    /** Client-credentials grant of this (confidential) client's service account. */
    public TokenSet clientCredentials() {
        return tokenRequest(Map.of("grant_type", "client_credentials")).tokens();
    }

    /**
     * Authorization-code flow: opens the authorization endpoint, submits the login form as {@code user}, takes the
     * code from the redirect and redeems it with the PKCE verifier.
     *
     * @param extraParameters added to the authorization request (e.g. {@code scope}, {@code prompt})
     */
    public TokenSet authorizationCode(TestUser user, Map<String, String> extraParameters) {
        // Keycloak marks its login cookies Secure even on http://127.0.0.1 (browsers treat loopback as a secure
        // context; java.net.CookieManager does not), so the harness carries them itself.
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomToken();
        String state = randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", TestRealm.REDIRECT_URI);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", state);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extraParameters);

        HttpResponse<String> loginPage = Http.send(browser,
                HttpRequest.newBuilder(endpoint("auth", query)).GET().build());
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new AssertionError("expected Keycloak's login form, got " + loginPage.statusCode() + ": "
                    + loginPage.body());
        }
        HttpResponse<String> afterLogin = Http.send(browser, HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookiesSetBy(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", user.username(), "password", user.password(), "credentialId", ""))))
                .build());
        String location = afterLogin.headers().firstValue("Location").orElse("");
        if (afterLogin.statusCode() != 302 || !location.startsWith(TestRealm.REDIRECT_URI)) {
            throw new AssertionError("expected a redirect to the client after login, got "
                    + afterLogin.statusCode() + " " + location + ": " + afterLogin.body());
        }
        Map<String, String> callback = queryOf(URI.create(location));
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new AssertionError("bad authorization response: " + location);
        }
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", TestRealm.REDIRECT_URI, "code_verifier", verifier)).tokens();
    }

    /**
     * The authorization-code flow through a realm whose browser flow has Arbor's scope picker: logs in, and if the
     * picker page comes, records the scopes it offers and picks {@code pick} (when it is offered).
     */
    public PickerResult authorizationCodeWithPicker(TestUser user, String pick) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", TestRealm.REDIRECT_URI);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", "s");
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        HttpResponse<String> loginPage = Http.send(browser, HttpRequest.newBuilder(endpoint("auth", query)).GET().build());
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new AssertionError("expected Keycloak's login form: " + loginPage.body());
        }
        String cookies = cookiesSetBy(loginPage);
        HttpResponse<String> afterLogin = Http.send(browser, HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", user.username(), "password", user.password(), "credentialId", ""))))
                .build());
        java.util.List<String> offered = new java.util.ArrayList<>();
        HttpResponse<String> last = afterLogin;
        if (afterLogin.statusCode() == 200) {
            Matcher option = Pattern.compile("name=\"tenancy_scope\" value=\"([^\"]+)\"").matcher(afterLogin.body());
            while (option.find()) {
                offered.add(option.group(1));
            }
            Matcher picker = Pattern.compile("<form[^>]*id=\"arbor-scope-form\"[^>]*action=\"([^\"]+)\"")
                    .matcher(afterLogin.body());
            if (!picker.find() || pick == null || !offered.contains(pick)) {
                return new PickerResult(offered, afterLogin.body(), null);
            }
            last = Http.send(browser, HttpRequest.newBuilder(URI.create(picker.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("tenancy_scope", pick))))
                    .build());
        }
        String location = last.headers().firstValue("Location").orElse("");
        if (last.statusCode() != 302 || !location.startsWith(TestRealm.REDIRECT_URI)) {
            throw new AssertionError("expected a redirect to the client, got " + last.statusCode() + ": " + last.body());
        }
        String code = queryOf(URI.create(location)).get("code");
        TokenSet tokens = tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", TestRealm.REDIRECT_URI, "code_verifier", verifier)).tokens();
        return new PickerResult(offered, last.body(), tokens);
    }

    /** An authorization request for a real browser: where to send it, and the PKCE verifier to redeem its code. */
    public record AuthorizationRequest(URI uri, String verifier) {
    }

    public AuthorizationRequest authorizationRequest(Map<String, String> extraParameters) {
        String verifier = randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", TestRealm.REDIRECT_URI);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", randomToken());
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extraParameters);
        return new AuthorizationRequest(endpoint("auth", query), verifier);
    }

    /** Redeems the code in the redirect URL a browser ended at. */
    public TokenSet redeem(String redirectUrl, AuthorizationRequest request) {
        String code = queryOf(URI.create(redirectUrl)).get("code");
        if (code == null) {
            throw new AssertionError("no code in " + redirectUrl);
        }
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", TestRealm.REDIRECT_URI, "code_verifier", request.verifier())).tokens();
    }

    /** What the picker offered (empty when none was shown), the last page, and the tokens if the flow completed. */
    public record PickerResult(java.util.List<String> offered, String page, TokenSet tokens) {
    }

    /** Any token-endpoint request, authenticated as this client; for asserting refusals as well as grants. */
    public TokenResponse tokenRequest(Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("client_id", clientId);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(endpoint("token", Map.of()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build());
        return new TokenResponse(response.statusCode(), Json.parse(response.body()));
    }

    private static String cookiesSetBy(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    /** A token request with a hand-written form (e.g. a repeated parameter); {@code client_id} included by the caller. */
    public TokenResponse rawTokenRequest(String form) {
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(endpoint("token", Map.of()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        return new TokenResponse(response.statusCode(), Json.parse(response.body()));
    }

    private URI endpoint(String name, Map<String, String> query) {
        String uri = baseUri + "/realms/" + realm + "/protocol/openid-connect/" + name;
        return URI.create(query.isEmpty() ? uri : uri + "?" + form(query));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token-endpoint answer: the status and the JSON body (tokens, or {@code error}/{@code error_description}). */
    public record TokenResponse(int status, JsonNode body) {

        /** The issued tokens; fails the test with Keycloak's error when there are none. */
        public TokenSet tokens() {
            if (status != 200) {
                throw new AssertionError("token request refused with " + status + ": " + body);
            }
            return new TokenSet(body);
        }
    }
}

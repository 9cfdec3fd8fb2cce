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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final String redirectUri;

    OidcClient(URI baseUri, String realm, String clientId, String secret) {
        this(baseUri, realm, clientId, secret, TestRealm.REDIRECT_URI);
    }

    private OidcClient(URI baseUri, String realm, String clientId, String secret, String redirectUri) {
        this.baseUri = baseUri;
        this.realm = realm;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    /** A public client of a realm on a server the harness did not start, e.g. {@link FileDatabaseKeycloak}'s. */
    public static OidcClient of(URI baseUri, String realm, String clientId) {
        return new OidcClient(baseUri, realm, clientId, null);
    }

    /**
     * This client with another redirect URI for the authorization-code flow (default {@link TestRealm#REDIRECT_URI}),
     * e.g. one the demo client's {@code http://127.0.0.1:*} admits.
     */
    public OidcClient withRedirectUri(String uri) {
        return new OidcClient(baseUri, realm, clientId, secret, uri);
    }

    /** A public client of an existing realm, e.g. one imported from {@code realm-export/}. */
    public static OidcClient of(KeycloakServer server, String realm, String clientId) {
        return new OidcClient(server.baseUri(), realm, clientId, null);
    }

    /** A confidential client of an existing realm, authenticated with its secret. */
    public static OidcClient confidential(KeycloakServer server, String realm, String clientId, String secret) {
        return new OidcClient(server.baseUri(), realm, clientId, secret);
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

    /** The userinfo endpoint's answer to a POST of {@code accessToken} with extra form parameters. */
    public JsonNode userInfo(String accessToken, Map<String, String> extra) {
        HttpResponse<String> response = Http.send(Http.CLIENT, HttpRequest.newBuilder(endpoint("userinfo", Map.of()))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(extra)))
                .build());
        return Json.parse(response.body());
    }

    /** Token introspection by this (confidential) client. */
    public JsonNode introspect(String token) {
        return introspect(token, Map.of());
    }

    /** Token introspection by this (confidential) client, with extra form parameters. */
    public JsonNode introspect(String token, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("token", token, "client_id", clientId));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        form.putAll(extra);
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

    /**
     * Standard token exchange (RFC 8693) by this confidential client of {@code subjectToken}, an access token of
     * the realm; answers with Keycloak's response, refusals included.
     */
    public TokenResponse exchange(String subjectToken, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token"));
        form.putAll(extra);
        return tokenRequest(form);
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
        SignIn signIn = signIn(user, extraParameters, null);
        if (signIn.tokens() == null) {
            throw new AssertionError("expected a redirect to the client after login, got: " + signIn.page());
        }
        return signIn.tokens();
    }

    /**
     * The authorization-code flow through a realm whose browser flow has Arbor's scope picker: logs in, and if the
     * picker page comes, records the scopes it offers and picks {@code pick} (when it is offered).
     */
    public PickerResult authorizationCodeWithPicker(TestUser user, String pick) {
        SignIn signIn = signIn(user, Map.of(), pick);
        return new PickerResult(signIn.offered(), signIn.page(), signIn.tokens());
    }

    /**
     * Signs {@code user} in through Keycloak's login form as a browser would, keeping its cookies (so later
     * {@link #silently} requests ride on the SSO session), answering the scope picker with {@code pick} if it
     * comes.
     *
     * @return the tokens when the flow reached the client, else the page it stopped at
     */
    public SignIn signIn(TestUser user, Map<String, String> extraParameters, String pick) {
        CookieJar cookies = new CookieJar();
        AuthorizationRequest request = authorizationRequest(extraParameters);
        HttpResponse<String> loginPage = cookies.send(HttpRequest.newBuilder(request.uri()).GET());
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new AssertionError("expected Keycloak's login form, got " + loginPage.statusCode() + ": "
                    + loginPage.body());
        }
        HttpResponse<String> last = cookies.send(formPost(action.group(1), Map.of(
                "username", user.username(), "password", user.password(), "credentialId", "")));
        List<String> offered = new ArrayList<>();
        if (last.statusCode() == 200) {
            Matcher option = Pattern.compile("name=\"tenancy_scope\" value=\"([^\"]+)\"").matcher(last.body());
            while (option.find()) {
                offered.add(option.group(1));
            }
            Matcher picker = Pattern.compile("<form[^>]*id=\"arbor-scope-form\"[^>]*action=\"([^\"]+)\"")
                    .matcher(last.body());
            if (!picker.find() || pick == null || !offered.contains(pick)) {
                return new SignIn(offered, last.body(), null, cookies);
            }
            last = cookies.send(formPost(picker.group(1), Map.of("tenancy_scope", pick)));
        }
        String location = last.headers().firstValue("Location").orElse("");
        if (last.statusCode() != 302 || !location.startsWith(redirectUri)) {
            return new SignIn(offered, last.statusCode() + " " + location + ": " + last.body(), null, cookies);
        }
        return new SignIn(offered, last.body(), redeem(location, request), cookies);
    }

    /**
     * A further authorization request with {@code prompt=none} in the browser session {@code signIn} left: no
     * login page, the SSO session answers.
     *
     * @return the tokens, or the OAuth error Keycloak redirected with
     */
    public SilentResult silently(SignIn signIn, Map<String, String> extraParameters) {
        Map<String, String> parameters = new LinkedHashMap<>(extraParameters);
        parameters.put("prompt", "none");
        AuthorizationRequest request = authorizationRequest(parameters);
        HttpResponse<String> response = signIn.cookies().send(HttpRequest.newBuilder(request.uri()).GET());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.startsWith(redirectUri)) {
            throw new AssertionError("expected a redirect to the client, got " + response.statusCode() + ": "
                    + response.body());
        }
        Map<String, String> callback = queryOf(URI.create(location));
        if (callback.containsKey("error")) {
            return new SilentResult(null, callback.get("error"));
        }
        return new SilentResult(tokenRequest(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", redirectUri, "code_verifier", request.verifier())), null);
    }

    /** What a sign-in through the login pages ended with; {@code tokens} is null when it stopped at a page. */
    public record SignIn(List<String> offered, String page, TokenSet tokens, CookieJar cookies) {
    }

    /**
     * The answer to a {@code prompt=none} request: the token endpoint's answer to the code it returned, or the OAuth
     * error the authorization endpoint redirected with.
     */
    public record SilentResult(TokenResponse token, String authorizationError) {
    }

    /**
     * The cookies of one browser. Keycloak marks its login cookies Secure even on http://127.0.0.1 (browsers treat
     * loopback as a secure context; java.net.CookieManager does not), so the harness carries them itself.
     */
    public static final class CookieJar {

        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = Http.send(client, request.build());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String[] nameValue = cookie.split(";", 2)[0].split("=", 2);
                cookies.put(nameValue[0].strip(), nameValue.length > 1 ? nameValue[1] : "");
            }
            return response;
        }
    }

    private static HttpRequest.Builder formPost(String htmlAction, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(htmlAction.replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    }

    /** An authorization request for a real browser: where to send it, and the PKCE verifier to redeem its code. */
    public record AuthorizationRequest(URI uri, String verifier) {
    }

    public AuthorizationRequest authorizationRequest(Map<String, String> extraParameters) {
        String verifier = randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
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
        Map<String, String> callback = queryOf(URI.create(redirectUrl));
        String code = callback.get("code");
        if (code == null || !queryOf(request.uri()).get("state").equals(callback.get("state"))) {
            throw new AssertionError("no code or another state in " + redirectUrl);
        }
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", request.verifier())).tokens();
    }

    /** What the picker offered (empty when none was shown), the last page, and the tokens if the flow completed. */
    public record PickerResult(List<String> offered, String page, TokenSet tokens) {
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

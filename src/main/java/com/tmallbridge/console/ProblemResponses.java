package com.tmallbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the refusals of the {@code /api} security chain as RFC 9457 problem details
 * ({@code application/problem+json}): 401 with a {@code WWW-Authenticate: Bearer} challenge for a
 * missing or refused credential, 403 for a role that may not reach the endpoint or a session
 * request without its CSRF token. Errors raised by the API's controllers are written by Spring MVC
 * (see {@code console.api.ApiProblems}) in the same shape.
 */
final class ProblemResponses {
  static final String REALM = "tmallbridge";
  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** 401: the request carries no credential the API accepts; {@code invalidToken} when a Bearer token was sent and refused. */
  void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail, boolean invalidToken) throws IOException {
    String challenge = "Bearer realm=\"" + REALM + "\"" + (invalidToken ? ", error=\"invalid_token\"" : "");
    response.setHeader("WWW-Authenticate", challenge);
    write(request, response, HttpStatus.UNAUTHORIZED, detail);
  }

  /** 403: signed in, but not allowed. */
  void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, detail);
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    json.writeValue(response.getOutputStream(), body);
  }
}

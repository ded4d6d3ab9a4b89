package com.tmallbridge.console.api;

import com.tmallbridge.sync.DeliveryException;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the API's controllers as RFC 9457 problem details ({@code application/problem+json})
 * with a {@code detail} a person can act on: 400 for a bad parameter (naming it and what it takes),
 * 404 for a row that does not exist or belongs to another shop, 503 when the ERP cannot take a
 * retry now. Spring MVC's own errors (a missing parameter, a wrong method) come out in the same
 * shape. Refusals by the security chain (401, 403) are written in the same shape before a controller
 * is reached.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@ConditionalOnWebApplication
class ApiProblems extends ResponseEntityExceptionHandler {

  /** A parameter that does not convert, e.g. {@code page=x}: 400 naming the parameter. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    Class<?> type = e.getRequiredType();
    String expected = type == null ? "another value" : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "an integer" : type.getSimpleName();
    return problem(HttpStatus.BAD_REQUEST, e.getName() + " must be " + expected + ", got '" + e.getValue() + "'", request);
  }

  /** A value a façade refused (its message names the value and what is allowed): 400. */
  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Object> badValue(IllegalArgumentException e, WebRequest request) {
    return problem(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()), request);
  }

  /** The ERP could not take a retry now (unavailable, or the trade has no ERP order yet): 503. */
  @ExceptionHandler(DeliveryException.class)
  ResponseEntity<Object> notDeliverable(DeliveryException e, WebRequest request) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, e.reasonCode() + ": " + e.getMessage(), request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet) {
      problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
    }
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.putAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.createResponseEntity(body, problemHeaders, statusCode, request);
  }

  private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return createResponseEntity(problem, new HttpHeaders(), status, request);
  }
}

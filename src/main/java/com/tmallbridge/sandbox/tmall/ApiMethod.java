package com.tmallbridge.sandbox.tmall;

import tools.jackson.databind.node.ObjectNode;

/** One simulated TOP API method, called after the gateway's protocol checks passed. */
@FunctionalInterface
interface ApiMethod {

  /**
   * Answers the call with the response body (inside the {@code <method>_response} wrapper, without
   * {@code request_id}).
   *
   * @throws TopError for invalid business parameters or business errors
   */
  ObjectNode handle(ApiCall call);
}

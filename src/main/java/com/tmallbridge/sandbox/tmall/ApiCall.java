package com.tmallbridge.sandbox.tmall;

/** A verified gateway call: its business parameters and how to shape the answer. */
record ApiCall(BusinessParams params, ResponseShape shape) {}

package com.tmallbridge.golive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the go-live check found.
 *
 * @param connector the ERP connector's id
 * @param shopCode the code the sandbox shop ran under (the ERP's documents carry it)
 * @param reference the run's reference, carried by the documents it created
 * @param steps every step in order
 * @param created what the run left in the ERP, for the integrator to remove or keep
 */
public record GoLiveReport(String connector, String shopCode, String reference, List<GoLiveStep> steps, List<String> created) {

  public GoLiveReport {
    steps = List.copyOf(steps);
    created = List.copyOf(created);
  }

  /** Whether every step passed (a skipped step means the connection is not proven). */
  public boolean passed() {
    return !steps.isEmpty() && steps.stream().allMatch(s -> s.outcome() == GoLiveStep.Outcome.PASSED);
  }

  /** The report as JSON-friendly maps. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("passed", passed());
    m.put("connector", connector);
    m.put("shop", shopCode);
    m.put("reference", reference);
    m.put("steps", steps.stream().map(s -> {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", s.name());
      step.put("outcome", s.outcome().name());
      step.put("detail", s.detail());
      step.put("millis", s.millis());
      return step;
    }).toList());
    m.put("created", created);
    return m;
  }
}

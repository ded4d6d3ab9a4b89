package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.FullStockPushWork;
import com.tmallbridge.console.job.JobRefusedException;
import com.tmallbridge.console.job.JobView;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.stock.StockFullPush;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Long jobs: the list, one job's progress (the fragment htmx polls every second while it runs),
 * and starting the full stock push of a shop (admin, operator; one at a time per shop). A job of a
 * shop outside the user's scope answers 404.
 */
@Controller
@ConditionalOnWebApplication
class JobController {
  private final ConsoleJobs jobs;
  private final StockFullPush fullPush;
  private final VisibleShops shops;

  JobController(ConsoleJobs jobs, StockFullPush fullPush, VisibleShops shops) {
    this.jobs = jobs;
    this.fullPush = fullPush;
    this.shops = shops;
  }

  @GetMapping("/jobs")
  String list(@AuthenticationPrincipal ConsolePrincipal user, Model model) {
    model.addAttribute("jobs", jobs.list(shops.chosenIds(user, null)));
    return "jobs";
  }

  @GetMapping("/jobs/{id}")
  String job(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("id") long id, Model model) {
    JobView job = jobs.find(id).filter(j -> user.scope().allows(j.shop()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("job", job);
    return "jobs :: job";
  }

  @PostMapping("/jobs/stock-push")
  String startStockPush(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("shop") String code, HttpServletRequest request,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model, RedirectAttributes flash) {
    Shop shop = shops.one(user, code);
    String refused = null;
    JobView job = null;
    try {
      job = jobs.start(FullStockPushWork.KIND, shop.id(), shop.code(), new Actor(user.getUsername(), request.getRemoteAddr()),
          new FullStockPushWork(fullPush, shop.id()));
    } catch (JobRefusedException e) {
      refused = e.getMessage();
      job = jobs.find(e.runningId()).orElse(null);
    }
    if (htmx == null) {
      flash.addFlashAttribute(refused == null ? "outcome" : "refused", refused == null ? "job " + job.id() : refused);
      return "redirect:/stock?shop=" + UriUtils.encodeQueryParam(shop.code(), StandardCharsets.UTF_8);
    }
    model.addAttribute("job", job);
    model.addAttribute("refused", refused);
    return "jobs :: started";
  }
}

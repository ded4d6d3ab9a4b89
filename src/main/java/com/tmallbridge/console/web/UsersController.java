package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.ActorContext;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.ConsoleUser;
import com.tmallbridge.console.Role;
import com.tmallbridge.console.ShopScope;
import com.tmallbridge.console.UserManagement;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and roles (admin only): list, add with a role and shop scope, disable, set a new password —
 * through {@link UserManagement}, which records each change as {@code USER_CHANGE} (a password only
 * as {@code ****}). A password is read from the form and never shown back. An admin limited to some
 * shops sees only the users within those shops and may grant no more than those.
 */
@Controller
@ConditionalOnWebApplication
class UsersController {
  private final UserManagement users;
  private final ShopManagement shops;
  private final ActorContext actors;
  private final Clock clock;

  UsersController(UserManagement users, ShopManagement shops, ActorContext actors, Clock clock) {
    this.users = users;
    this.shops = shops;
    this.actors = actors;
    this.clock = clock;
  }

  @GetMapping("/users")
  String list(@AuthenticationPrincipal ConsolePrincipal user, Model model) {
    List<Shop> grantable = shops.list().stream().filter(s -> user.scope().allows(s.id())).toList();
    List<ConsoleUser> shown = users.list().stream().filter(u -> within(user.scope(), u.scope())).toList();
    Map<ShopId, String> codes = shops.list().stream().collect(Collectors.toMap(Shop::id, Shop::code, (a, b) -> a));
    model.addAttribute("users", shown);
    model.addAttribute("shopsOf", shown.stream().collect(Collectors.toMap(ConsoleUser::username,
        u -> u.scope().shops().stream().map(s -> codes.getOrDefault(s, s.toString())).sorted().collect(Collectors.joining(", ")))));
    model.addAttribute("grantable", grantable);
    model.addAttribute("mayGrantAll", user.scope().all());
    model.addAttribute("roles", Role.values());
    model.addAttribute("now", clock.instant());
    return "users";
  }

  @PostMapping("/users")
  String add(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "username", defaultValue = "") String username,
      @RequestParam(name = "role", defaultValue = "") String role, @RequestParam(name = "shops", required = false) List<Long> shopIds,
      @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request, RedirectAttributes flash) {
    return act(flash, () -> {
      ShopScope scope = shopIds == null || shopIds.isEmpty() ? ShopScope.everyShop()
          : ShopScope.only(shopIds.stream().map(ShopId::new).collect(Collectors.toSet()));
      if (!within(user.scope(), scope)) {
        throw new IllegalArgumentException("you may grant only the shops you see yourself: pick them");
      }
      ConsoleUser added = actors.as(actor(user, request), () -> users.add(username.strip(), Role.parse(role), scope, password));
      return "user " + added.username() + " added as " + added.role();
    });
  }

  @PostMapping("/users/{name}/disable")
  String disable(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("name") String name, HttpServletRequest request,
      RedirectAttributes flash) {
    ConsoleUser target = visible(user, name);
    if (target.username().equals(user.getUsername())) {
      flash.addFlashAttribute("problem", "you cannot disable yourself");
      return "redirect:/users";
    }
    return act(flash, () -> {
      actors.as(actor(user, request), () -> {
        users.disable(target.username());
        return null;
      });
      return "user " + target.username() + " disabled";
    });
  }

  @PostMapping("/users/{name}/password")
  String password(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("name") String name,
      @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request, RedirectAttributes flash) {
    ConsoleUser target = visible(user, name);
    return act(flash, () -> {
      actors.as(actor(user, request), () -> {
        users.changePassword(target.username(), password);
        return null;
      });
      return "user " + target.username() + ": new password set (any lockout lifted)";
    });
  }

  private static String act(RedirectAttributes flash, Supplier<String> change) {
    try {
      flash.addFlashAttribute("outcome", change.get());
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/users";
  }

  private ConsoleUser visible(ConsolePrincipal user, String name) {
    return users.find(name).filter(u -> within(user.scope(), u.scope()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** Whether {@code inner} grants no shop that {@code outer} does not. */
  private static boolean within(ShopScope outer, ShopScope inner) {
    return outer.all() || !inner.all() && outer.shops().containsAll(inner.shops());
  }

  private static Actor actor(ConsolePrincipal user, HttpServletRequest request) {
    return new Actor(user.getUsername(), request.getRemoteAddr());
  }
}

package com.tmallbridge.sandbox.tmall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * TMC over the gateway: {@code taobao.tmc.user.permit} (the session's seller; {@code topics}
 * overwrites, empty means every topic), {@code taobao.tmc.user.get} and {@code
 * taobao.tmc.user.cancel} (by {@code nick}), {@code taobao.tmc.messages.consume} ({@code
 * group_name}, {@code quantity} 10..200) and {@code taobao.tmc.messages.confirm} ({@code
 * s_message_ids}* at most 200; the deprecated {@code f_message_ids} fail messages).
 */
final class TmcMethods {
  private final TmcHub hub;
  private final SandboxCredentials credentials;

  TmcMethods(TmcHub hub, SandboxCredentials credentials) {
    this.hub = hub;
    this.credentials = credentials;
  }

  ObjectNode permit(ApiCall call) {
    String topics = call.params().optional("topics");
    Set<String> chosen = topics == null ? Set.of() : TmcHub.topics(topics);
    for (String topic : chosen) {
      if (!topic.startsWith(TmcEvents.TRADE) && !topic.startsWith(TmcEvents.REFUND)) {
        throw TopError.of(
            15, "Remote service error", "isv.topic-not-exist", "unknown topic " + topic);
      }
    }
    hub.permit(credentials.sellerNick(), chosen);
    return success(true);
  }

  ObjectNode userGet(ApiCall call) {
    FieldSelection fields = call.params().fields();
    String nick = call.params().required("nick");
    ObjectNode body = ResponseShape.object();
    hub.user(nick)
        .ifPresent(
            user -> {
              ObjectNode node = body.putObject("tmc_user");
              if (fields.has("user_id")) {
                node.put("user_id", user.userId());
              }
              if (fields.has("user_nick")) {
                node.put("user_nick", user.nick());
              }
              if (fields.has("group_name")) {
                node.put("group_name", user.group());
              }
              if (fields.has("is_valid")) {
                node.put("is_valid", true);
              }
              if (fields.has("user_platform")) {
                node.put("user_platform", "tbUIC");
              }
              if (fields.has("created")) {
                ResponseShape.time(node, "created", user.created());
              }
              if (fields.has("modified")) {
                ResponseShape.time(node, "modified", user.modified());
              }
              if (fields.has("topics")) {
                call.shape().strings(node, "topics", List.copyOf(user.topics()));
              }
            });
    return body;
  }

  ObjectNode cancel(ApiCall call) {
    return success(hub.cancel(call.params().required("nick")));
  }

  ObjectNode consume(ApiCall call) {
    String group = group(call);
    int quantity = call.params().intInRange("quantity", 100, 10, 200);
    List<ObjectNode> messages = new ArrayList<>();
    for (TmcMessage message : hub.take(group, quantity)) {
      ObjectNode node = ResponseShape.object();
      node.put("id", message.id());
      node.put("topic", message.topic());
      node.put("content", message.content());
      ResponseShape.time(node, "pub_time", message.pubTime());
      node.put("pub_app_key", credentials.appKey());
      node.put("user_id", message.userId());
      node.put("user_nick", message.userNick());
      messages.add(node);
    }
    ObjectNode body = ResponseShape.object();
    call.shape().list(body, "messages", "tmc_message", messages);
    return body;
  }

  ObjectNode confirm(ApiCall call) {
    String group = group(call);
    List<Long> confirmed = ids(call.params().required("s_message_ids"), "s_message_ids");
    String failed = call.params().optional("f_message_ids");
    hub.confirm(group, confirmed);
    if (failed != null) {
      ids(failed, "f_message_ids").forEach(id -> hub.fail(group, id));
    }
    return success(true);
  }

  private String group(ApiCall call) {
    String group = call.params().optional("group_name");
    String name = group == null || group.isBlank() ? TmcHub.DEFAULT_GROUP : group;
    if (!hub.knowsGroup(name)) {
      throw TopError.of(
          15, "Remote service error", "isv.group-not-exist", "the app has no group " + name);
    }
    return name;
  }

  private static List<Long> ids(String value, String name) {
    List<Long> ids = new ArrayList<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(part.trim()));
      } catch (NumberFormatException e) {
        throw TopError.invalidArgument(name, name + " must list message ids, got '" + part + "'");
      }
    }
    if (ids.size() > 200) {
      throw TopError.invalidArgument(name, name + " takes at most 200 ids");
    }
    return ids;
  }

  private static ObjectNode success(boolean success) {
    ObjectNode body = ResponseShape.object();
    body.put("is_success", success);
    return body;
  }
}

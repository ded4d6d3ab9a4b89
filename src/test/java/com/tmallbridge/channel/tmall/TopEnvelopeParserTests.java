package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopEnvelopeParserTests {
  private static final String METHOD = "taobao.trades.sold.increment.get";

  @Test
  void unwrapsTheMethodResponseObject() {
    TopResponse response =
        TopEnvelopeParser.parse(METHOD, Fixtures.text("trades_sold_increment_get/wrapped.json"), false);

    assertThat(response.totalResults()).isEqualTo(2);
    assertThat(response.list("trades")).hasSize(2);
    assertThat(TopValues.list(response.list("trades").get(0), "orders")).hasSize(2);
    assertThat(TopValues.text(response.body(), "request_id")).isEqualTo("rxn6gucwgtpv");
  }

  @Test
  void takesTheFirstObjectValueWhateverTheKeyIsCalled() {
    String body = "{\"request_id\":\"x\",\"tmall_item_quantity_update_response\":{\"total_results\":3}}";

    assertThat(TopEnvelopeParser.parse(METHOD, body, false).totalResults()).isEqualTo(3);
  }

  @Test
  void readsTheSimplifyFormWithPlainArrays() {
    TopResponse response =
        TopEnvelopeParser.parse(METHOD, Fixtures.text("trades_sold_increment_get/simplify.json"), true);

    assertThat(response.totalResults()).isEqualTo(1);
    assertThat(response.list("trades")).singleElement().satisfies(t -> assertThat(TopValues.list(t, "orders")).hasSize(1));
  }

  @Test
  void keepsTheRootOfASimplifiedFullinfoAnswer() {
    String body = "{\"trade\":{\"tid\":5},\"request_id\":\"r\"}";

    assertThat(TopEnvelopeParser.parse(METHOD, body, true).object("trade")).isPresent();
  }

  @Test
  void unwrapsAWrappedAnswerEvenWhenSimplifyWasAskedFor() {
    TopResponse response =
        TopEnvelopeParser.parse(METHOD, Fixtures.text("trades_sold_increment_get/wrapped.json"), true);

    assertThat(response.list("trades")).hasSize(2);
  }

  @Test
  void readsIdsAndCountsGivenAsStrings() {
    TopResponse response = Fixtures.response("trades_sold_increment_get/ids_as_strings.json", false);

    assertThat(response.totalResults()).isEqualTo(1);
    assertThat(TradeMapper.tid(response.list("trades").get(0))).isEqualTo("227668460417201789");
  }

  @Test
  void turnsTheErrorEnvelopeIntoATypedError() {
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, Fixtures.text("error/flow_control.json"), false))
        .isInstanceOfSatisfying(
            TopApiException.class,
            e ->
                assertThat(e.error())
                    .isEqualTo(
                        new TopApiError(
                            7,
                            "App Call Limited",
                            "accesscontrol.limited-by-app-api-access-count",
                            "This ban will last for 1 more seconds")));
  }

  @Test
  void findsTheErrorEnvelopeInSimplifyModeToo() {
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, Fixtures.text("error/isp_timeout.json"), true))
        .isInstanceOfSatisfying(
            TopApiException.class, e -> assertThat(e.error().subCode()).isEqualTo("isp.top-remote-connection-timeout"));
  }

  @Test
  void treatsAnHtmlPageAsATransportFailure() {
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, Fixtures.text("error/gateway_error.html"), false))
        .isInstanceOf(TopTransportException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("502 Bad Gateway");
  }

  @Test
  void treatsTruncatedOrTrailingJsonAsATransportFailure() {
    String wrapped = Fixtures.text("trades_sold_increment_get/wrapped.json");

    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, wrapped.substring(0, wrapped.length() / 2), false))
        .isInstanceOf(TopTransportException.class);
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, "{\"a_response\":{}} trailing", false))
        .isInstanceOf(TopTransportException.class);
  }

  @Test
  void treatsEmptyAndNonObjectBodiesAsTransportFailures() {
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, "", false)).isInstanceOf(TopTransportException.class);
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, "[1,2]", false)).isInstanceOf(TopTransportException.class);
    assertThatThrownBy(() -> TopEnvelopeParser.parse(METHOD, "{\"request_id\":\"x\"}", false))
        .isInstanceOf(TopTransportException.class)
        .hasMessageContaining("_response");
  }

  @Test
  void findsAnErrorEnvelopeOnlyWhenThereIsOne() {
    assertThat(TopEnvelopeParser.errorIn(Fixtures.text("error/invalid_session.json")))
        .extracting(TopApiError::code)
        .isEqualTo(27);
    assertThat(TopEnvelopeParser.errorIn(Fixtures.text("error/gateway_error.html"))).isNull();
    assertThat(TopEnvelopeParser.errorIn("{\"x_response\":{}}")).isNull();
  }
}

package com.tmallbridge.sandbox.tmall;

/**
 * The buyer of a trade as a seller's app sees it: a masked nick, the app-scoped open uid, the
 * {@code oaid} standing for the (hidden) receiver identity, and the masked receiver.
 */
record Buyer(String nick, String openUid, String oaid, MaskedReceiver receiver) {}

package vn.bantin.domain;

/** An alert is ACTIVE from its creation; CANCELLED removes its entries that had not started by then. */
public enum AlertStatus { ACTIVE, CANCELLED }

package vn.bantin.domain;

/** The three bulletin classes of Circular 39/2020/TT-BTTTT, lowest first. */
public enum BroadcastClass { NORMAL, PRIORITY, EMERGENCY }

package vn.bantin.evidence;

/** How a play ended, as the device recorded it. */
public enum PlayOutcome { PLAYED, INTERRUPTED, FAILED, MISSED }

package vn.bantin.domain;

/** ONCE plays the playlist once per start (bulletins); LOOP repeats it for a window (screen dayparts). */
public enum SlotMode { ONCE, LOOP }

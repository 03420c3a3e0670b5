package vn.bantin.domain;

public enum AssetKind { VIDEO, IMAGE, AUDIO }

// Kept apart from the session store so the API client can read it without an import cycle.
let token: string | null = null;
let signedOut: () => void = () => {};

export function csrfToken(): string | null {
  return token;
}

export function setCsrfToken(value: string | null): void {
  token = value;
}

export function whenSignedOut(handler: () => void): void {
  signedOut = handler;
}

export function onSignedOut(): void {
  signedOut();
}

/**
 * A promise the test opens by hand. A fake "slow" command awaits it, so the test
 * decides when the command finishes: "the ack came while the command was still
 * running" becomes an order of events to check, not a stopwatch reading that a
 * loaded CI machine could break.
 */
export interface Gate {
  readonly passed: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { passed, open };
}

/**
 * Named steps of scheduled work where a test can make the whole process die
 * hard (YOMIKAI_FAULT_EXIT_AFTER): the crash-recovery paths are then tried
 * at a known point instead of hoped for. In production no step is chosen and
 * the hook does nothing.
 */
export const FAULT_STEPS = ['claim', 'post', 'record', 'reveal-claim'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];
export type FaultHook = (step: FaultStep) => void;

export const noFault: FaultHook = () => {};

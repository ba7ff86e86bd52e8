// Long loops in the extension host (the first scan, files read again for linting) give way to the
// rest of it: typing, other extensions, the tree.

/** How long a loop may run before it yields. */
const SLICE_MS = 15;

/** A function to await between the steps of a long loop: it yields once a slice has passed. */
export function takingTurns(sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart <= sliceMs) return;
    await nextTurn();
    sliceStart = Date.now();
  };
}

/** Resolves in a later task, after timers and I/O waiting now have run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

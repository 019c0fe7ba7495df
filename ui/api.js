// The app's commands, called over Tauri's IPC. Every failure becomes { kind, message }.

const invoke = window.__TAURI__?.core?.invoke;

async function call(command, args) {
  if (!invoke) {
    throw { kind: 'startup', message: 'Backstride has to be opened as the app, not in a web browser.' };
  }
  try {
    return await invoke(command, args);
  } catch (error) {
    if (error && typeof error.message === 'string') {
      return Promise.reject({ kind: error.kind ?? 'invalid', message: error.message });
    }
    return Promise.reject({ kind: 'invalid', message: 'Something went wrong. Please try again.' });
  }
}

/** Today's screen: date, day kind, state and items. */
export const today = () => call('today');

/** Marks one of today's exercises done or not done; resolves to the updated Today. */
export const setDone = (exerciseId, done) => call('set_done', { exerciseId, done });

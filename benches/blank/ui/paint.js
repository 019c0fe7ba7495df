// Reports the first paint, exactly as the app reports Today's.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI__.core.invoke('painted')));

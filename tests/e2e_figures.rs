//! End-to-end: every exercise is shown as well as described. Each exercise of the catalogue has
//! a line drawing with a text alternative (a contact sheet of them all, light and dark), the
//! drawing opens with an exercise's detail, and the player shows it beside the timer.

mod support;

use backstride_core::routine::catalogue::CATALOGUE;
use support::{App, Launch};

const MONDAY: &str = "2026-03-30T07:30:00+02:00";
const BERLIN: &str = "Europe/Berlin";

/// Draws every exercise of `ids` (id, name) into one sheet over the page, with the page's own
/// drawing module; what each drawing says to a screen reader, or null where there is none.
const SHEET: &str = "const [ids, done] = arguments;\
  import('./today/figure.js').then(({ figure }) => {\
    const sheet = document.createElement('div');\
    Object.assign(sheet.style, { position: 'fixed', inset: '0', zIndex: '10', overflow: 'auto', display: 'grid',\
      gridTemplateColumns: 'repeat(7, 1fr)', gap: '4px', padding: '4px', background: 'var(--bg)', color: 'var(--text)' });\
    const said = ids.map(([id, name]) => {\
      const drawing = figure(id, name);\
      const cell = document.createElement('figure');\
      Object.assign(cell.style, { margin: '0', fontSize: '9px', textAlign: 'center' });\
      if (drawing) cell.append(drawing);\
      const caption = document.createElement('figcaption');\
      caption.textContent = id;\
      cell.append(caption);\
      sheet.append(cell);\
      return drawing && drawing.getAttribute('role') === 'img' ? drawing.getAttribute('aria-label') : null;\
    });\
    sheet.id = 'contact-sheet';\
    document.body.append(sheet);\
    done(said);\
  }, (error) => done(String(error)));";

#[tokio::test]
async fn every_exercise_has_a_drawing_with_words_for_it_in_light_and_dark() {
    let ids: Vec<_> = CATALOGUE.iter().map(|e| serde_json::json!([e.id, e.name])).collect();
    for dark in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let launch = Launch::new(dir.path(), MONDAY, BERLIN);
        let app = App::launch(if dark { launch.dark() } else { launch }).await;
        app.driver
            .set_window_rect(0, 0, 1000, 800)
            .await
            .expect("resizing the window failed");
        let said = app
            .driver
            .execute_async(SHEET, vec![serde_json::json!(ids)])
            .await
            .expect("drawing the sheet failed");
        let said = said
            .json()
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("{:?}", said.json()));
        let missing: Vec<_> = CATALOGUE
            .iter()
            .zip(&said)
            .filter(|(e, words)| !words.as_str().is_some_and(|w| w.starts_with(e.name)))
            .map(|(e, words)| format!("{}: {words}", e.id))
            .collect();
        assert!(
            missing.is_empty(),
            "exercises without a drawing and its words: {missing:?}"
        );
        assert_eq!(said.len(), CATALOGUE.len());
        let theme = if dark { "dark" } else { "light" };
        app.screenshot(&format!("figures-{theme}")).await;
        app.quit().await;
    }
}

#[tokio::test]
async fn an_exercises_detail_and_the_player_show_its_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(Launch::new(dir.path(), MONDAY, BERLIN)).await;
    let hold = "[data-testid='routine-item'][data-hold='true']";
    let id = app.attr(hold, "data-exercise-id").await.unwrap();
    let item = format!("[data-testid='routine-item'][data-exercise-id='{id}']");
    app.click(&format!("{item} summary")).await;
    let drawing = format!("{item} [data-testid='exercise-figure']");
    app.wait_visible(&drawing).await;
    assert_eq!(
        app.attr(&drawing, "data-exercise-id").await.as_deref(),
        Some(id.as_str())
    );
    app.click(&format!("{item} [data-testid='exercise-play']")).await;
    let in_player = "#player [data-testid='exercise-figure']";
    app.wait_visible(in_player).await;
    assert_eq!(
        app.attr(in_player, "data-exercise-id").await.as_deref(),
        Some(id.as_str())
    );
    assert!(app.attr(in_player, "aria-label").await.is_some_and(|l| !l.is_empty()));
    app.quit().await;
}

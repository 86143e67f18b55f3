/// The kiosk's look: the CJK font (Pango otherwise picks the Japanese face without a zh-TW
/// locale), large type, touch targets of at least 48 px, and a focus ring you can see
/// from across the counter.
enum Theme {
    static let css = """
    window, window * { font-family: "Noto Sans CJK TC", "Noto Sans CJK", sans-serif; }
    window { font-size: 18px; }
    button, checkbutton, entry, dropdown > button, .keypad-key { min-height: 48px; min-width: 48px; }
    checkbutton { padding: 4px 12px; }
    button:focus-visible, checkbutton:focus-visible, entry:focus-within, dropdown:focus-within {
        outline: 3px solid #1c71d8; outline-offset: 2px;
    }
    .header { background: #0b5394; color: white; padding: 8px 16px; }
    .header-title { font-size: 22px; font-weight: bold; color: white; }
    .staff-badge { color: white; margin: 0 12px; min-width: 180px; }
    .unit-badge { color: #dbe9f7; margin: 0 12px; font-size: 15px; }
    .header-button { font-size: 16px; }
    .demo-banner { background: #fff4ce; color: #5c4400; padding: 8px 16px; }
    .notice { background: #fde2e1; color: #8a1c1c; padding: 10px 16px; font-weight: bold; }
    .idle-banner { background: #fff4ce; color: #5c4400; padding: 8px 16px; font-weight: bold; }
    .page-title { font-size: 28px; font-weight: bold; margin-bottom: 8px; }
    .hint { color: #4a4a4a; }
    .field-caption { font-weight: bold; min-width: 220px; }
    .field-error, .error-text { color: #b00020; }
    .warning-note { background: #fde2e1; color: #8a1c1c; padding: 12px; border-radius: 6px; }
    .not-connected { background: #eef2f7; border: 2px dashed #6b7b8f; border-radius: 8px; padding: 16px; }
    .not-connected-title { font-weight: bold; font-size: 20px; }
    .keypad-dots { font-size: 32px; letter-spacing: 8px; }
    .keypad-key { font-size: 26px; min-width: 72px; min-height: 72px; padding: 0 8px; }
    .task { padding: 12px 16px; }
    .task-name { font-size: 22px; font-weight: bold; }
    .task-hint { font-size: 15px; color: #4a4a4a; }
    .identity-value { font-size: 24px; font-weight: bold; }
    .visitor-state { font-size: 24px; }
    .lock-reason { font-size: 22px; }
    .qr-code { background: white; padding: 8px; }
    .check-failed { color: #b00020; }
    .check-warning { color: #8a5a00; }
    .dialog-title { font-size: 22px; font-weight: bold; }
    .section-title { font-size: 22px; font-weight: bold; margin-top: 8px; }
    .column-header { font-weight: bold; }
    .flow-status { font-size: 18px; padding: 8px 0; }
    .success-text { color: #1a6b2f; font-weight: bold; }
    .check-ok { color: #1a6b2f; }
    .preview, .coverage, .dependants, .issues, .log, .lines { background: #ffffff; border-radius: 6px; }
    .dependant-line { padding-left: 32px; color: #3d3d3d; }
    .card-indicator { min-height: 48px; padding: 0 12px; border-radius: 6px; background: #eeeeee; color: #3d3d3d; }
    .card-indicator.card-present { background: #dcebfb; color: #0b4f9c; font-weight: bold; }
    .log label { font-family: "Noto Sans Mono CJK TC", monospace; font-size: 15px; }
    .strength { font-weight: bold; }
    .strength-bar { min-height: 10px; }
    .totals { font-size: 20px; font-weight: bold; }
    .choice checkbutton { min-height: 48px; }
    .demo-tray { background: #fff4ce; padding: 6px 16px; border-top: 2px solid #e0c050; }
    .demo-tray button { font-size: 15px; }
    .demo-tray.collapsed { padding: 2px 16px; }
    .toast { border-radius: 10px; padding: 12px 20px; min-width: 480px; box-shadow: 0 4px 16px rgba(0,0,0,0.35); font-weight: bold; }
    .toast-success { background: #1a6b2f; color: white; }
    .toast-failure { background: #8a1c1c; color: white; }
    .toast button { font-size: 16px; }
    .proof-sheet { background: white; border: 1px solid #b8c0cc; box-shadow: 0 2px 10px rgba(0,0,0,0.15); padding: 40px 56px; min-width: 760px; }
    .proof-title { font-size: 26px; font-weight: bold; }
    .proof-small { font-size: 14px; color: #4a4a4a; }
    .proof-heading { font-size: 18px; font-weight: bold; margin-top: 12px; border-bottom: 1px solid #b8c0cc; }
    .idle-banner { border-radius: 10px; padding: 20px 28px; border: 3px solid #e0c050; box-shadow: 0 4px 24px rgba(0,0,0,0.4); }
    """
}

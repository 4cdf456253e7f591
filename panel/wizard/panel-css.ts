/**
 * The panel's styles. Built for a task pane 300–350 px wide (Excel's default): every row wraps, the rule builder's
 * condition rows stack, selects and inputs shrink instead of clipping, and the footer with Back / Next stays in view
 * at the bottom of whatever scrolls the panel.
 */
export const PANEL_CSS = `
.sk-panel{display:flex;flex-direction:column;gap:10px;padding:12px;font-size:13px;width:100%;min-width:0;max-width:640px;box-sizing:border-box;overflow-wrap:anywhere}
.sk-panel *{box-sizing:border-box;min-width:0}
.sk-panel select,.sk-panel input{max-width:100%}
.sk-panel .fui-Select,.sk-panel .fui-Input,.sk-panel .fui-Field{min-width:0;max-width:100%}
.sk-panel .fui-Select select{text-overflow:ellipsis}
.sk-header{display:flex;justify-content:space-between;align-items:center;gap:8px;flex-wrap:wrap}
.sk-steps{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0}
.sk-steps button{border:1px solid #d1d1d1;background:#fff;border-radius:12px;padding:2px 8px;font:inherit;font-size:11px;cursor:pointer;white-space:normal;text-align:left}
.sk-steps button:disabled{cursor:default;opacity:.6}
.sk-steps .sk-current button{background:#0e6e78;color:#fff;border-color:#0e6e78}
.sk-steps .sk-done button{border-color:#0e6e78;color:#0e6e78}
.sk-steps button:focus-visible,.sk-method:focus-within{outline:2px solid #0e6e78;outline-offset:1px}
.sk-step{display:flex;flex-direction:column;gap:8px}
.sk-hint{color:#616161;font-size:12px;margin:0}
.sk-error{color:#b10e1c;margin:0}
.sk-method{display:flex;gap:8px;align-items:flex-start;padding:6px;border:1px solid #e0e0e0;border-radius:6px;cursor:pointer}
.sk-method span{display:flex;flex-direction:column}
.sk-chosen{border-color:#0e6e78;background:#f0f8f9}
.sk-checks{display:flex;flex-direction:column;max-height:180px;overflow:auto}
.sk-fieldset{border:0;margin:0;padding:0;min-width:0;display:flex;flex-direction:column;gap:2px}
.sk-legend-title{padding:0;font-weight:600;margin-bottom:2px}
.sk-row{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.sk-panel .fui-RadioGroup{flex-wrap:wrap}
.sk-panel .fui-Button{max-width:100%;height:auto;white-space:normal}
.sk-rules{display:flex;flex-direction:column;gap:8px}
.sk-group{border:1px solid #e0e0e0;border-radius:6px;display:flex;flex-direction:column;gap:6px;margin:0;padding:6px 8px}
.sk-condition{display:grid;grid-template-columns:minmax(0,1fr) auto;grid-template-areas:"column column" "op op" "value remove";gap:4px;align-items:center;padding:4px 0;border-top:1px dashed #e0e0e0}
.sk-condition .sk-condition-column{grid-area:column}
.sk-condition .sk-condition-op{grid-area:op}
.sk-condition .sk-condition-value{grid-area:value}
.sk-condition .sk-remove{grid-area:remove;min-width:32px}
.sk-counts{border-collapse:collapse;width:100%;table-layout:fixed}
.sk-counts th,.sk-counts td{text-align:left;padding:2px 4px;border-bottom:1px solid #eee;overflow-wrap:anywhere}
.sk-counts th:first-child{width:50%}
.sk-counts td:nth-child(n+2),.sk-counts th:nth-child(n+2){text-align:right}
.sk-counts .sk-none td{font-style:italic;color:#616161}
.sk-swatch{display:inline-block;width:10px;height:10px;border:1px solid #8a8a8a;margin-right:6px;vertical-align:middle}
.sk-legend{list-style:none;padding:0;margin:0}
.sk-progress{display:flex;flex-direction:column;gap:4px}
.sk-order-file{display:flex;flex-direction:column;gap:6px;padding:8px;border:1px solid #0e6e78;border-radius:6px}
.sk-order-file p{margin:0}
.sk-footer{position:sticky;bottom:0;z-index:1;display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end;background:#fff;padding:8px 0;border-top:1px solid #e0e0e0}
.sk-undo{display:flex;flex-direction:column;gap:4px;border-top:1px solid #e0e0e0;padding-top:8px}
.sk-table p{margin:2px 0}
.sk-headers{font-size:11px;color:#616161}
.sk-lines p,.sk-note{margin:0 0 4px}
.sk-clv p{margin:8px 0 4px}
.sk-clv ul{margin:0;padding-left:18px}
.sk-clv-list td:nth-child(n+2){white-space:nowrap;overflow-wrap:normal}
.sk-chart-title{margin:8px 0 0;font-weight:600}
.sk-lines ul{margin:0;padding-left:18px}
.sk-panel svg{max-width:100%;height:auto}
`;

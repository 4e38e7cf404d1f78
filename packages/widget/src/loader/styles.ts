/**
 * The loader's styles, inside its shadow root so the council's CSS cannot reach them.
 * GOV.UK focus state: yellow background with a dark underline. Full screen at ≤ 640px wide or
 * on short viewports (which is also what high zoom produces).
 */
export const fullScreenQuery = '(max-width:640px),(max-height:500px)';

export const loaderCss = `
:host{all:initial}
.h{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.l{position:fixed;right:16px;bottom:16px;z-index:2147483647;display:flex;align-items:center;gap:8px;box-sizing:border-box;min-width:44px;min-height:48px;max-width:calc(100vw - 32px);margin:0;padding:10px 16px;font:700 16px/1.25 arial,sans-serif;color:#fff;background:#1d70b8;border:2px solid #fff;border-radius:0;box-shadow:0 2px 0 #003078;cursor:pointer;text-align:left}
.l:hover{background:#003078}
.l:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;border-color:#fd0;box-shadow:0 4px 0 #0b0c0c}
.b{min-width:24px;padding:2px 6px;box-sizing:border-box;border-radius:12px;background:#fff;color:#0b0c0c;border:1px solid #0b0c0c;text-align:center;font-size:14px}
.b:empty{display:none}
.p{position:fixed;right:16px;bottom:80px;z-index:2147483646;box-sizing:border-box;width:400px;max-width:calc(100vw - 32px);height:720px;max-height:calc(100vh - 96px);background:#fff;border:2px solid #0b0c0c;box-shadow:0 4px 16px rgba(0,0,0,.3)}
.p[hidden]{display:none}
iframe{display:block;width:100%;height:100%;border:0}
.t{position:absolute;width:1px;height:1px;overflow:hidden}
@media ${fullScreenQuery}{.p{inset:0;width:auto;height:auto;max-width:none;max-height:none;border:0;box-shadow:none}.r .l{visibility:hidden}}
@media (forced-colors:active){.l:focus{outline-color:Highlight}}
`;

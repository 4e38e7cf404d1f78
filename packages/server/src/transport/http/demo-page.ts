/** A stand-in council web page that embeds the widget exactly as a council would. */
export function demoPageHtml(input: { organisationName: string; organisationSlug: string; publicUrl: string }): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const name = escape(input.organisationName);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contact us – ${name}</title>
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="masthead"><p class="brand">${name}</p></header>
<main id="main">
<h1>Contact us</h1>
<p>You can chat online with our customer service team about Council Tax, bins and recycling, housing, parking and other council services.</p>
<p><a href="/forms/${escape(input.organisationSlug)}/">Report a fault, apply for a service or leave your details online</a></p>
<h2>Opening hours</h2>
<p>Monday to Friday, 9am to 5pm, except bank holidays.</p>
<h2>Web chat</h2>
<p>Use the “Chat with us” button at the bottom of this page. Do not share card or bank details in the chat.</p>
</main>
<footer><p>This is a demonstration page served by Ward.</p></footer>
<script src="${escape(input.publicUrl)}/widget/loader.js" data-ward-organisation="${escape(input.organisationSlug)}" async></script>
</body>
</html>`;
}

export const demoPageCss = `
body{font-family:arial,sans-serif;margin:0;color:#0b0c0c;line-height:1.5;font-size:1.1875rem}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c;padding:.5rem}
.masthead{background:#1d5a8a;color:#fff;padding:1rem}.brand{margin:0;font-weight:700;font-size:1.5rem}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 6rem}footer{padding:1rem;border-top:1px solid #b1b4b6}
`;

import type { GraphiQLOptions } from 'graphql-yoga';
import type { PlaygroundUrls } from './playground-assets.js';

/** Renders GraphiQL's page from its options: what yoga's renderGraphiQL hook and routes/playground.ts both call. */
export type RenderPlayground = (options: GraphiQLOptions) => string;

/** JSON inside a <script>: `<` escaped so that no string in it (a query, a title) can close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * render-graphiql's page with its inlined 9 MB of scripts and styles replaced by links to the hashed asset files
 * (playground-assets.ts): what is left is the options, which may differ per request (the demo token), a few kB. The
 * Monaco workers load from their own asset URLs instead of blobs made from inlined strings. The markup otherwise
 * follows render-graphiql's, so GraphiQL boots the same way.
 */
export function playgroundShell(urls: PlaygroundUrls): RenderPlayground {
  return (options) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title || 'Yoga GraphiQL')}</title>
    <link rel="icon" href="${escapeHtml(options.favicon || urls.favicon)}" />
    <link rel="stylesheet" href="${urls.style}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      self['MonacoEnvironment'] = {
        globalAPI: false,
        getWorkerUrl: function (moduleId, label) {
          return ${scriptJson(urls.workers)}[label];
        },
      };
    </script>
    <script src="${urls.script}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(
        window.document.querySelector('#root'),
        ${scriptJson(options)},
      );
    </script>
  </body>
</html>
`;
}

#!/usr/bin/env python3
"""Serves a folder (default: www/) for the newsmark page and widget.

Correct Content-Type for .wasm, .js and .mjs, `Access-Control-Allow-Origin: *` so the
widget can be loaded from another origin during development, and no caching so a
rebuild shows at once. Prints the address it listens on (port 0 picks a free port).

usage: serve.py [--host HOST] [--port PORT] [--dir DIR]
"""

import argparse
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    """The standard static handler with the headers the page and the widget need."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format, *args):
        if self.server.quiet:
            return
        super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--dir", default="www")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as e:
        sys.exit(f"serve.py: cannot listen on {args.host}:{args.port}: {e}")
    server.quiet = args.quiet
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"newsmark: serving {args.dir}/ at http://{shown}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

package reports

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// needTool skips the test when a program it needs is missing, except on CI,
// where a missing program is a broken machine and fails the test.
func needTool(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing on CI: %v", path, err)
		}
		t.Skipf("%s is missing: %v", path, err)
	}
}

// browser is a headless Chromium with a page opened from a file:// URL, and
// the problems seen while it loaded.
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
}

// openInBrowser writes html to a temporary file and opens it in headless
// Chromium, waiting for waitFor (a CSS selector) when it is not empty. It
// records console errors, exceptions, error log entries (a blocked request
// or a CSP violation is one), dialogs (an injected script would open one)
// and every request for anything but the file itself or a data:/blob: URL.
// The browser lives until the test ends, at most 30 seconds.
func openInBrowser(t *testing.T, html []byte, waitFor string) *browser {
	t.Helper()
	needTool(t, chromiumPath)

	dir := t.TempDir()
	file := filepath.Join(dir, "rapport.html")
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: file}).String()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)

	b := &browser{ctx: bctx}
	err := chromedp.Listen(bctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					var s string
					if json.Unmarshal([]byte(a.Value), &s) != nil {
						s = string(a.Value) + a.Description
					}
					args = append(args, s)
				}
				b.note("console error: " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			b.note("exception: " + text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				b.note("log error (" + string(ev.Entry.Source) + "): " + ev.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if u != pageURL && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				b.note("request: " + u)
			}
		case *page.EventJavascriptDialogOpening:
			b.note("dialog: " + ev.Message)
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(pageURL)}
	if waitFor != "" {
		steps = append(steps, chromedp.WaitVisible(chromedp.CSS(waitFor)))
	}
	if err := chromedp.Do(bctx, steps...); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	return b
}

func (b *browser) note(s string) {
	b.mu.Lock()
	b.problems = append(b.problems, s)
	b.mu.Unlock()
}

// seen returns the problems recorded so far, after a moment for late
// events: they arrive on their own goroutine.
func (b *browser) seen() []string {
	time.Sleep(200 * time.Millisecond)
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// count evaluates a JavaScript expression that yields a number.
func (b *browser) count(t *testing.T, expr string) int {
	t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return n
}

// TestHTMLInBrowser opens the report in headless Chromium from a file://
// URL and checks that it works offline: nothing reported by openInBrowser,
// the chart drawn by ECharts and the tables in the DOM. It leaves a
// screenshot for a person to look at.
func TestHTMLInBrowser(t *testing.T) {
	chart := "#" + chartID
	b := openInBrowser(t, render(t, HTMLReporter{}, fixture(t), Options{}), chart+" svg, "+chart+" canvas")

	if n := b.count(t, `document.querySelectorAll("`+chart+` svg, `+chart+` canvas").length`); n == 0 {
		t.Error("the chart element holds no <svg> or <canvas>: ECharts did not run")
	}
	if n := b.count(t, `document.querySelectorAll("`+chart+` svg path").length`); n == 0 {
		t.Error("the chart has no shapes")
	}
	if n := b.count(t, `document.querySelectorAll("table.findings tbody tr").length`); n != 3 {
		t.Errorf("the findings tables have %d rows, want 3", n)
	}
	if n := b.count(t, `document.querySelectorAll("table.overview, table.inputs, table.rejects, table.policy").length`); n != 4 {
		t.Errorf("found %d of the overview, inputs, rejects and policy tables, want 4", n)
	}
	text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `<script>alert("xss")</script>`) {
		t.Error("the escaped script value is not shown as text")
	}

	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := os.CreateTemp("", "avgaudit-rapport-*.png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := shot.Write(png); err != nil {
		t.Fatal(err)
	}
	if err := shot.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot.Name())

	for _, p := range b.seen() {
		t.Error(p)
	}
}

// TestBrowserHarness shows that openInBrowser sees what it looks for, so
// that TestHTMLInBrowser passing means something. The request goes to the
// discard port on the loopback address, where nothing answers.
func TestBrowserHarness(t *testing.T) {
	html := `<!DOCTYPE html><title>t</title><img src="http://127.0.0.1:9/x.png" alt="">` +
		`<script>console.error("boom"); undefinedFunction();</script>`
	got := strings.Join(openInBrowser(t, []byte(html), "").seen(), "\n")
	for _, want := range []string{"request: http://127.0.0.1:9/x.png", "console error: boom", "exception:"} {
		if !strings.Contains(got, want) {
			t.Errorf("the harness missed %q; it saw:\n%s", want, got)
		}
	}
}

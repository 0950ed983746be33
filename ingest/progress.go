package ingest

import (
	"fmt"
	"github.com/avgaudit/avgaudit/vocab"
	"io"
	"os"
	"strings"
	"time"
)

// Progress shows how far the load of one input is. The loader calls Start
// once per input, Update as it reads (from one goroutine at a time) and
// Done at the end.
type Progress interface {
	// Start begins an input; total is its size in bytes, or 0 when only
	// rows can be counted (workbooks).
	Start(label string, total int64)
	// Update reports the bytes read so far, or the rows when total was 0.
	Update(done int64)
	Done()
}

// TerminalProgress returns a progress bar on w when w is a terminal and
// neither quiet nor the CI environment variable is set; otherwise nil, which
// the loader treats as no progress at all.
func TerminalProgress(w *os.File, quiet bool) Progress { return TerminalProgressIn(w, quiet, "en") }

// TerminalProgressIn is TerminalProgress with its words in lang (nl or en).
func TerminalProgressIn(w *os.File, quiet bool, lang string) Progress {
	if quiet || os.Getenv("CI") != "" || !isTerminal(w) {
		return nil
	}
	return &bar{w: w, delay: time.Second, every: 100 * time.Millisecond, width: 30, lang: lang}
}

// isTerminal reports whether f is a character device (a terminal), not a
// file or a pipe.
func isTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// bar draws a one-line progress bar, only for inputs that take longer than
// delay, redrawn at most once per every.
type bar struct {
	w            io.Writer
	delay, every time.Duration
	width        int
	lang         string // of the words: nl or en

	label   string
	total   int64
	start   time.Time
	drawn   time.Time
	visible bool
}

func (b *bar) Start(label string, total int64) {
	b.label, b.total, b.start, b.drawn = label, total, time.Now(), time.Time{}
	b.visible = false
}

func (b *bar) Update(done int64) {
	now := time.Now()
	if now.Sub(b.start) < b.delay || now.Sub(b.drawn) < b.every {
		return
	}
	b.drawn = now
	b.visible = true
	fmt.Fprintf(b.w, "\r%s", b.line(done))
}

func (b *bar) Done() {
	if b.visible {
		// Clear the line, so what is printed next starts on a clean one.
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", len(b.line(0))+10))
	}
}

// line renders "label [=====>     ]  42%" or, without a total, "label 12000 rows".
func (b *bar) line(done int64) string {
	label := b.label
	if len(label) > 40 {
		label = "…" + label[len(label)-39:]
	}
	if b.total <= 0 {
		return vocab.Textf("%s  %d rijen", "%s  %d rows", label, vocab.Count(done)).In(b.lang)
	}
	frac := min(float64(done)/float64(b.total), 1)
	filled := int(frac * float64(b.width))
	return fmt.Sprintf("%s [%s%s] %3.0f%%", label, strings.Repeat("=", filled), strings.Repeat(" ", b.width-filled), frac*100)
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

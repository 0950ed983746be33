package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/avgaudit/avgaudit/results"
)

// writeRunJSON writes run as json.Encoder does with SetIndent("", "  ")
// and SetEscapeHTML(false), byte for byte, but one check at a time: the
// encoding of the whole run, which holds every finding, is never in memory
// at once. The run without its checks is encoded first and its empty
// "checks" list filled in as it is written.
func writeRunJSON(w io.Writer, run *results.Run) error {
	encode := func(buf *bytes.Buffer, v any, prefix string) error {
		buf.Reset()
		enc := json.NewEncoder(buf)
		enc.SetIndent(prefix, "  ")
		// The file is read by programs and people, not embedded in HTML:
		// "<" stays "<" rather than "\u003c".
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	var buf bytes.Buffer
	head := *run
	if len(run.Checks) > 0 {
		head.Checks = []results.Check{}
	}
	if err := encode(&buf, &head, ""); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	frame := buf.Bytes()
	const empty = "\n  \"checks\": [],\n"
	at := bytes.Index(frame, []byte(empty))
	if len(run.Checks) == 0 || at < 0 {
		if _, err := w.Write(frame); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		return nil
	}
	frame = bytes.Clone(frame)
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(frame[:at])
	bw.WriteString("\n  \"checks\": [")
	for i := range run.Checks {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		if err := writeCheckJSON(bw, &buf, &run.Checks[i], encode); err != nil {
			return fmt.Errorf("write json: check %s: %w", run.Checks[i].ID, err)
		}
	}
	bw.WriteString("\n  ],\n")
	bw.Write(frame[at+len(empty):])
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// writeCheckJSON writes c as writeRunJSON's encoder would at the prefix of
// a check, but one finding at a time: the check is encoded without its
// findings and resolved findings, and their empty lists are filled in as
// they are written.
func writeCheckJSON(bw *bufio.Writer, buf *bytes.Buffer, c *results.Check, encode func(*bytes.Buffer, any, string) error) error {
	head := *c
	// [:0:0] keeps a nil list nil (written as null, as before); a view's
	// lists are never nil.
	head.Findings, head.Resolved = c.Findings[:0:0], c.Resolved[:0:0]
	if c.View != nil {
		head.Findings, head.Resolved = []results.Finding{}, []results.Finding{}
	}
	if err := encode(buf, &head, "    "); err != nil {
		return err
	}
	frame := bytes.Clone(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	for _, list := range []struct {
		name string
		n    int
		at   func(int) results.Finding
	}{{"findings", c.NFindings(), c.FindingAt}, {"resolved", c.NResolved(), c.ResolvedAt}} {
		empty := []byte("\n      \"" + list.name + "\": [],\n")
		at := bytes.Index(frame, empty)
		if list.n == 0 || at < 0 {
			continue
		}
		bw.Write(frame[:at])
		bw.WriteString("\n      \"" + list.name + "\": [")
		for j := range list.n {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n        ")
			f := list.at(j)
			if err := encode(buf, &f, "        "); err != nil {
				return err
			}
			bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		}
		bw.WriteString("\n      ],")
		frame = frame[at+len(empty)-1:] // from the newline before the next field
	}
	_, err := bw.Write(frame)
	return err
}

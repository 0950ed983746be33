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
		if err := encode(&buf, &run.Checks[i], "    "); err != nil {
			return fmt.Errorf("write json: check %s: %w", run.Checks[i].ID, err)
		}
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	bw.WriteString("\n  ],\n")
	bw.Write(frame[at+len(empty):])
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

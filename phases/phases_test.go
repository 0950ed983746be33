package phases

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

func TestRecorder(t *testing.T) {
	ctx := context.Background()
	Start(ctx, "nothing")() // no recorder: no-op
	r := New()
	ctx = With(ctx, r)
	end := Start(ctx, "load")
	s := 0
	for i := range 1_000_000 {
		s += i
	}
	end()
	write := Wrap(ctx, "write x.json", func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err })
	if err := write(io.Discard); err != nil {
		t.Fatal(err)
	}
	ps := r.Phases()
	if len(ps) != 2 || ps[0].Name != "load" || ps[1].Name != "write x.json" || ps[0].Wall <= 0 {
		t.Fatalf("phases %+v", ps)
	}
	var b bytes.Buffer
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"phase", "load", "write x.json", "total", "CPUs"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table without %q:\n%s", want, b.String())
		}
	}
}

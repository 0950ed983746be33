package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

var errWrite = errors.New("disk full")

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// failAfter writes s and then fails, as a reporter does that stops halfway.
func failAfter(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, s); err != nil {
			return err
		}
		return errWrite
	}
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name     string
		existing string // the file's content before the write; "" for none
		write    func(io.Writer) error
		perm     os.FileMode
		wantErr  error
		want     string // the file's content after; "" for no file
	}{
		{name: "new file", write: writeString("nieuw\n"), perm: 0o644, want: "nieuw\n"},
		{name: "private file", write: writeString("sleutel\n"), perm: 0o600, want: "sleutel\n"},
		{name: "replaces", existing: "oud\n", write: writeString("nieuw\n"), perm: 0o644, want: "nieuw\n"},
		{name: "failed write leaves no file", write: failAfter("half"), perm: 0o644, wantErr: errWrite},
		{name: "failed write keeps the old file", existing: "oud\n", write: failAfter("half"), perm: 0o644,
			wantErr: errWrite, want: "oud\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "rapport.xlsx")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := Write(path, tt.perm, tt.write)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write: error %v, want %v", err, tt.wantErr)
			}
			got, rerr := os.ReadFile(path)
			switch {
			case tt.want == "" && !errors.Is(rerr, os.ErrNotExist):
				t.Errorf("a file is left: %q (%v)", got, rerr)
			case tt.want != "" && string(got) != tt.want:
				t.Errorf("content %q (%v), want %q", got, rerr, tt.want)
			}
			if tt.wantErr == nil && runtime.GOOS != "windows" {
				if fi, err := os.Stat(path); err != nil {
					t.Error(err)
				} else if fi.Mode().Perm() != tt.perm {
					t.Errorf("permissions %v, want %v", fi.Mode().Perm(), tt.perm)
				}
			}
			wantFiles := []string{}
			if tt.want != "" {
				wantFiles = []string{"rapport.xlsx"}
			}
			if got := names(t, dir); !slices.Equal(got, wantFiles) {
				t.Errorf("files in the folder: %q, want %q", got, wantFiles)
			}
		})
	}
}

// TestWriteRenameFails writes over a folder: the rename fails and the
// temporary file goes.
func TestWriteRenameFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.xlsx")
	if err := os.MkdirAll(filepath.Join(path, "inhoud"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, 0o644, writeString("nieuw")); err == nil {
		t.Fatal("Write over a folder: no error")
	}
	if got := names(t, dir); !slices.Equal(got, []string{"rapport.xlsx"}) {
		t.Errorf("files in the folder: %q, want only the folder rapport.xlsx", got)
	}
}

func TestTemp(t *testing.T) {
	dir := t.TempDir()
	tmp, err := Temp(dir, "rapport.html", 0o644, writeString("<p>"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(tmp) != dir || !slices.Equal(names(t, dir), []string{filepath.Base(tmp)}) {
		t.Errorf("temporary file %s, folder holds %q", tmp, names(t, dir))
	}
	if got, err := os.ReadFile(tmp); err != nil || string(got) != "<p>" {
		t.Errorf("content %q (%v)", got, err)
	}
	if _, err := Temp(dir, "rapport.json", 0o644, failAfter("{")); !errors.Is(err, errWrite) {
		t.Errorf("Temp: error %v, want %v", err, errWrite)
	}
	if got := names(t, dir); len(got) != 1 {
		t.Errorf("a failed Temp left a file: %q", got)
	}
	if _, err := Temp(filepath.Join(dir, "missing"), "x", 0o644, writeString("")); err == nil {
		t.Error("Temp in a missing folder: no error")
	}
}

// names lists the entries of dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteUmask: a file is never more open than the umask allows (issue
// 12: reports were chmod-ed to 0644 whatever the umask), and a private
// file stays private under any umask.
func TestWriteUmask(t *testing.T) {
	tests := []struct {
		umask int
		perm  os.FileMode
		want  os.FileMode
	}{
		{0o022, 0o644, 0o644},
		{0o077, 0o644, 0o600},
		{0o027, 0o644, 0o640},
		{0o000, Private, 0o600},
		{0o022, Private, 0o600},
	}
	for _, tt := range tests {
		old := syscall.Umask(tt.umask)
		dir := t.TempDir()
		path := filepath.Join(dir, "rapport-fg.xlsx")
		err := Write(path, tt.perm, writeString("x"))
		tmp, terr := Temp(dir, "rapport-fg.html", tt.perm, writeString("y"))
		syscall.Umask(old)
		if err != nil || terr != nil {
			t.Fatal(err, terr)
		}
		for _, p := range []string{path, tmp} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != tt.want {
				t.Errorf("umask %03o, perm %v: %s has %v, want %v", tt.umask, tt.perm, filepath.Base(p), fi.Mode().Perm(), tt.want)
			}
		}
	}
}

// TestMkdirPrivate: folders for personal data are made 0700; a folder
// that exists is left as it is.
func TestMkdirPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "rapport", "historie")
	if err := MkdirPrivate(dir); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		fi, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: %v, want 0700", d, fi.Mode().Perm())
		}
	}
}

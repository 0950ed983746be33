// Package atomicfile writes files that are either complete or absent: the
// content goes to a temporary file in the same folder, which is renamed
// into place only when it is written and closed. An interrupted or failed
// write leaves the file at the path as it was, and no temporary file.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Permissions of the files avgaudit writes. Both are reduced by the
// process's umask, as the operating system does for any new file: a file
// is never more open than the user allows.
const (
	// Public is for files without personal data (the risk analysis, the
	// board's report, a manifest).
	Public os.FileMode = 0o644
	// Private is for files with personal data (the FG's reports, spot-check
	// checklists, the kept database, the history, the pseudonym key):
	// readable by the user only.
	Private os.FileMode = 0o600
	// PrivateDir is for folders made to hold such files.
	PrivateDir os.FileMode = 0o700
)

// MkdirPrivate makes dir and any missing parents with PrivateDir
// permissions. Folders that exist are left as they are.
func MkdirPrivate(dir string) error {
	return os.MkdirAll(dir, PrivateDir)
}

// Write writes the file at path with write, created with permissions perm
// (less the umask).
// The folder must exist. An existing file is replaced only when write and
// the file's close succeed; on any error the temporary file is removed and
// the error returned as it is, for the caller to name the file it was
// writing.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := Temp(filepath.Dir(path), filepath.Base(path), perm, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// Temp writes a complete temporary file for a file named name in folder
// dir, "."+name+".tmp-" and a random suffix, with write and permissions
// perm (less the umask), and returns its path: the caller renames it into
// place (a set of files replaced together) or removes it. On any error no
// temporary file is left.
func Temp(dir, name string, perm os.FileMode, write func(io.Writer) error) (string, error) {
	f, err := create(filepath.Join(dir, "."+name+".tmp-"), perm)
	if err != nil {
		return "", err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// create makes a new file named prefix and a random suffix, with perm
// less the umask: the operating system applies the umask at creation (a
// later chmod would not).
func create(prefix string, perm os.FileMode) (*os.File, error) {
	for try := 0; ; try++ {
		var b [6]byte
		_, _ = rand.Read(b[:])
		f, err := os.OpenFile(prefix+hex.EncodeToString(b[:]), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

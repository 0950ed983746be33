//go:build !unix

package scratch

import (
	"os"
	"strconv"
)

// lock creates the lock file at path with this process's id and keeps it
// open: on Windows an open file cannot be removed, so a live run's folder
// stays.
func lock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid()) + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// locked reports whether the lock file at path is held: a file another
// process keeps open cannot be renamed.
func locked(path string) bool {
	if err := os.Rename(path, path+".probe"); err != nil {
		return true
	}
	_ = os.Rename(path+".probe", path)
	return false
}

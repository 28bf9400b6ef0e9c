import { configure } from '@testing-library/react';

// A function instance's first call loads its bundle; on a busy 2-core machine that takes a while.
configure({ asyncUtilTimeout: 8000 });

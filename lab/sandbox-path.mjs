/** The document (public/lab-sandbox.html) the token lab frames, sandboxed, to run the reader's code. */
export const LAB_SANDBOX_PATH = '/lab-sandbox.html'

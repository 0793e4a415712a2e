/**
 * Imported first by every command: Lambda runs Node 22, and these commands run on Node 20.19 or
 * later (README). The AWS SDK warns on every start, under Node 20, that its versions of 2027 will
 * need Node 22; that says nothing a sandbox user can act on and cluttered the start screen. The
 * SDK's own switch turns the warning off; nothing else changes.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

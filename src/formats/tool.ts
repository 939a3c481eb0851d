/** The tool and version written into exported files' headers (XLIFF tool-id, TMX creationtool). */
export const TOOL = { name: 'Copydesk', version: '0.1.0' } as const;

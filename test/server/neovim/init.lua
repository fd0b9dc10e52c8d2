-- Minimal Neovim setup for the Incident Command language server, without nvim-lspconfig.
-- Works on 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start). Used by neovim.test.ts;
-- docs/other-editors.md shows the same setup for a user's own init.lua.
local repo = vim.env.IC_REPO or vim.fn.getcwd()
local node = vim.env.IC_NODE or 'node'
local cmd = { node, repo .. '/bin/incident-command-language-server.js', '--stdio' }

-- The workspace root: the folder holding .incident-command.yaml, else the file's folder.
local function root_dir(bufname)
  local dir = vim.fn.fnamemodify(bufname, ':p:h')
  local config = vim.fn.findfile('.incident-command.yaml', dir .. ';')
  if config ~= '' then return vim.fn.fnamemodify(config, ':p:h') end
  return dir
end

local clients = {}

local function attach(args)
  local bufnr = args.buf
  local root = root_dir(vim.api.nvim_buf_get_name(bufnr))
  if vim.lsp.start then
    vim.lsp.start({ name = 'incident-command', cmd = cmd, root_dir = root })
    return
  end
  local id = clients[root]
  if not id then
    id = vim.lsp.start_client({ name = 'incident-command', cmd = cmd, root_dir = root })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*.incident.yaml', '*.incident.yml', '*.runbook.yaml', '*.runbook.yml', '.incident-command.yaml' },
  callback = attach,
})

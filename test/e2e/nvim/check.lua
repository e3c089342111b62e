-- neovim 0.7 headless as a second, independent LSP client of dist/server.js:
-- diagnostics on the wrong cell, the quick fix's edit, document symbols.
-- Run by scripts/e2e/neovim.mjs:  nvim --headless --clean -n -i NONE -c "luafile check.lua"
-- Environment: ZFXXGK_SERVER (dist/server.js), ZFXXGK_FILE (a draft with one wrong cell),
-- ZFXXGK_EXPECTED (the clean text it must become), ZFXXGK_RESULT (where to write the results).
local out = assert(io.open(os.getenv('ZFXXGK_RESULT'), 'w'))
local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out:write((ok and '✓ ' or '✗ ') .. name .. (detail and (' — ' .. tostring(detail)) or '') .. '\n')
  out:flush()
end

local function finish()
  out:write(passed .. ' passed, ' .. failed .. ' failed\n')
  out:close()
  if failed == 0 and passed > 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local ok_all, err = pcall(function()
  local file = os.getenv('ZFXXGK_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'text'
  local uri = vim.uri_from_bufnr(buf)

  local client_id = vim.lsp.start_client({
    name = 'zfxxgk',
    cmd = { 'node', os.getenv('ZFXXGK_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    init_options = { locale = 'zh-CN' },
  })
  check('the server starts', client_id ~= nil)
  vim.lsp.buf_attach_client(buf, client_id)

  local function code_of(d)
    if d.code then return d.code end
    return d.user_data and d.user_data.lsp and d.user_data.lsp.code
  end
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diags = vim.diagnostic.get(buf)
  check('diagnostics arrive', got, #diags .. ' diagnostic(s)')

  local row
  for _, d in ipairs(diags) do
    if code_of(d) == 'row-total' then row = d end
  end
  check('one diagnostic, row-total', #diags == 1 and row ~= nil)
  if not row then return end
  local line = vim.api.nvim_buf_get_lines(buf, row.lnum, row.lnum + 1, false)[1]
  check('it sits on line 51, on the cell that reads 3', row.lnum == 50 and line:sub(row.col + 1, row.col + 1) == '3',
    (row.lnum + 1) .. ':' .. row.col)
  check('the message is Chinese and gives the right value', row.message:find('应为 2', 1, true) ~= nil, row.message)

  local params = {
    textDocument = { uri = uri },
    range = { start = { line = 50, character = 25 }, ['end'] = { line = 50, character = 26 } },
    context = {
      diagnostics = { { range = { start = { line = 50, character = 25 }, ['end'] = { line = 50, character = 26 } },
        message = row.message, code = 'row-total', source = 'zfxxgk', severity = 1 } },
      only = { 'quickfix' },
    },
  }
  local resp = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local action
  for _, r in pairs(resp or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.edit and a.title:find('改为 2', 1, true) then action = a end
    end
  end
  check('the quick fix 改为 2 is offered', action ~= nil, action and action.title)
  if not action then return end
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')

  local expected = assert(io.open(os.getenv('ZFXXGK_EXPECTED'), 'r')):read('*a')
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  check('after the edit the text is the clean report', text == expected:gsub('\n$', ''))
  local cleared = vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
  check('the diagnostic goes away', cleared)

  local sresp = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000)
  local names = {}
  local function walk(list)
    for _, s in ipairs(list or {}) do
      table.insert(names, s.name)
      walk(s.children)
    end
  end
  for _, r in pairs(sresp or {}) do walk(r.result) end
  local found = {}
  for _, prefix in ipairs({ '一、', '二、', '三、', '四、', '五、', '六、' }) do
    for _, n in ipairs(names) do
      if n:sub(1, #prefix) == prefix then table.insert(found, prefix) break end
    end
  end
  check('document symbols list the six sections', #found == 6, table.concat(found, ' '))

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)
if not ok_all then check('the neovim check ran to the end', false, err) end
finish()

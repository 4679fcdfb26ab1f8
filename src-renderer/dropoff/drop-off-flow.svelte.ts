import { DropOffFlow, type DropOffFlowOptions } from './drop-off-flow.js';
import { initialDropOffState, type DropOffState } from './drop-off-state.js';

/**
 * The drop-off flow as the screen reads it: the plain flow does the work, and each new state it
 * produces lands here in one `$state.raw` field, so the components redraw from it. The state is
 * replaced, never mutated, so raw is enough and large result lists are not made deeply reactive.
 */
export class DropOffFlowState {
  view: DropOffState = $state.raw(initialDropOffState());
  readonly flow: DropOffFlow;

  constructor(options: Omit<DropOffFlowOptions, 'onChange'>) {
    this.flow = new DropOffFlow({
      ...options,
      onChange: (state) => {
        this.view = state;
      },
    });
    this.view = this.flow.state;
  }
}
